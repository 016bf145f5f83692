import { evaluateAction, type ForeignDataIndex } from '@agentic-pm/domain';
import { listActionsByStatus, listDueHeldActions, listProjects, moveAction, recordEvent } from '@agentic-pm/storage';
import type { AgentContext } from '../context';
import { assertLeaseHeld, fenced } from '../fencing';
import { describeAction } from '../perform-action';
import { isTransient } from '../transient-errors';
import type { StepInput } from '../run-ref';
import { applyDecisions } from '../apply-decisions';
import { foreignDataIndexes } from '../foreign-data';
import { escalateAction, performOrReport } from './execute-actions';

export interface HoldQueueResult {
  decisions: number;
  due: number;
  executed: number;
  escalated: number;
  failed: number;
}

/** Step 8: run held actions that have come due, every run; the gate is asked again because config may have changed. */
export const processHoldQueue = async (base: AgentContext, { run }: StepInput): Promise<HoldQueueResult> => {
  const ctx = fenced(base, run);
  await assertLeaseHeld(ctx.table, run);
  const decisions = await applyDecisions(ctx, run);
  // Only one run works at a time, so anything still EXECUTING was cut off by a crash: queue it
  // again. Its intent record decides what a second attempt may do (Jira re-checks, mail escalates).
  for (const stuck of await listActionsByStatus(ctx.table, 'EXECUTING', run.time)) await moveAction(ctx.table, stuck, 'EXECUTING', 'PENDING');
  const due = await listDueHeldActions(ctx.table, run.time);
  const projects = new Map((await listProjects(ctx.table)).map((p) => [p.id, p]));
  const result: HoldQueueResult = { decisions: decisions.decisions, due: due.length, executed: decisions.approvedExecuted, escalated: 0, failed: 0 };
  const executedPerProject = new Map<string, number>();
  // The leak check runs again at send time: the other projects' data may have grown while it waited.
  const foreignData = due.length === 0 ? new Map<string, ForeignDataIndex>() : await foreignDataIndexes(ctx.table, [...projects.values()]);
  for (const record of due) {
    if (!(await moveAction(ctx.table, record, 'PENDING', 'EXECUTING'))) continue;
    const project = projects.get(record.projectId);
    const executedThisRun = executedPerProject.get(record.projectId) ?? 0;
    const decision = project ? evaluateAction(record.action, project, ctx.settings, { now: run.time, executedThisRun, foreignData: foreignData.get(project.id) }) : { outcome: 'block' as const, reason: 'project no longer exists' };
    let summary: string;
    try {
      // Having waited out its hold, an action the gate would still hold may now run.
      if (project && (decision.outcome === 'execute' || decision.outcome === 'hold')) {
        const performed = await performOrReport(ctx, project, record.action, run.runId, run.time);
        if (performed.status === 'done') {
          await moveAction(ctx.table, record, 'EXECUTING', 'DONE', { result: performed.detail, executedAt: run.time });
          executedPerProject.set(record.projectId, executedThisRun + 1);
          result.executed++;
        } else {
          await escalateAction(ctx, project, record.action, performed.detail, run.runId, run.time);
          await moveAction(ctx.table, record, 'EXECUTING', 'FAILED', { result: performed.detail });
          result.escalated++;
        }
        summary = `held action ran: ${performed.detail}`;
      } else if (project && decision.outcome === 'escalate') {
        await escalateAction(ctx, project, record.action, decision.reason, run.runId, run.time);
        await moveAction(ctx.table, record, 'EXECUTING', 'ESCALATED', { result: decision.reason });
        result.escalated++;
        summary = `held action escalated: ${decision.reason}`;
      } else {
        await moveAction(ctx.table, record, 'EXECUTING', 'FAILED', { result: decision.reason });
        result.failed++;
        summary = `held action refused: ${decision.reason}`;
      }
    } catch (error) {
      // Back in the queue for the step's retry (or the next run); the intent keeps the effect at most once.
      if (isTransient(error)) {
        await moveAction(ctx.table, record, 'EXECUTING', 'PENDING');
        throw error;
      }
      await moveAction(ctx.table, record, 'EXECUTING', 'FAILED', { result: (error as Error).message });
      result.failed++;
      summary = `held action failed: ${(error as Error).message}`;
    }
    await recordEvent(ctx.table, {
      id: `hold-${record.id}`, projectId: record.projectId, runId: run.runId, type: 'hold_processed', at: run.time,
      summary: `${describeAction(record.action)}: ${summary}`, detail: { actionId: record.id },
    });
  }
  ctx.metrics.count('ActionsExecuted', result.executed);
  return result;
};
