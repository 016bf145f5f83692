import { evaluateAction, evaluateEscalation, type GateContext, type GateDecision, type GateOutcome, type ForeignDataIndex, type ProjectConfig, type ProposedAction } from '@agentic-pm/domain';
import { deleteWork, listProjects, listProposals, putAction, recordEvent, type ActionStatus } from '@agentic-pm/storage';
import type { AgentContext } from '../context';
import { assertLeaseHeld, fenced } from '../fencing';
import { foreignDataIndexes } from '../foreign-data';
import { describeAction, performAction, type PerformOutcome } from '../perform-action';
import { raiseEscalation } from '../raise-escalation';
import type { RunRef, StepInput } from '../run-ref';
import { isTransient } from '../transient-errors';

export interface ExecuteResult {
  executed: number;
  held: number;
  escalated: number;
  blocked: number;
}

/** Escalates an action the gate would not let through, offering approval or rejection. */
export const escalateAction = (ctx: AgentContext, project: ProjectConfig, action: ProposedAction, reason: string, runId: string, now: string) =>
  raiseEscalation(ctx, project, {
    id: `approve-${action.id}`,
    signalIds: action.provenance.signalIds,
    // Option 0 runs the action with the owner's approval on the next run; option 1 drops it.
    action,
    approveOption: 0,
    request: {
      title: `Approve: ${describeAction(action)}`,
      context: `The agent proposes to ${describeAction(action)}. It did not act because ${reason}. Its rationale: ${action.rationale}`,
      options: ['Approve and run it', 'Reject it'],
      recommendation: action.provenance.injectionSuspected || action.provenance.trust === 'external' ? 1 : 0,
      rationale: reason,
    },
  }, runId, now);

/**
 * Runs an action; a permanent failure (an unknown transition, a refused field) is reported, so one
 * bad proposal cannot wedge the queue. Transient failures propagate: the step is retried and the
 * intent record keeps the effect at most once.
 */
export const performOrReport = async (...args: Parameters<typeof performAction>): Promise<PerformOutcome | { status: 'failed'; detail: string }> => {
  try {
    return await performAction(...args);
  } catch (error) {
    if (isTransient(error)) throw error;
    return { status: 'failed', detail: (error as Error).message.slice(0, 300) };
  }
};

interface Acted {
  decision: GateDecision;
  status: ActionStatus;
  outcome: GateOutcome;
  resultText: string;
}

/** The gate's verdict, carried out: execute (with failure handling), hold, escalate or block. */
const gateAndAct = async (ctx: AgentContext, project: ProjectConfig, action: ProposedAction, run: RunRef, gate: GateContext): Promise<Acted> => {
  const decision = evaluateAction(action, project, ctx.settings, gate);
  switch (decision.outcome) {
    case 'execute': {
      const performed = await performOrReport(ctx, project, action, run.runId, run.time);
      if (performed.status === 'done') return { decision, status: 'DONE', outcome: 'execute', resultText: performed.detail };
      await escalateAction(ctx, project, action, performed.status === 'failed' ? `it failed: ${performed.detail}` : performed.detail, run.runId, run.time);
      return { decision, status: performed.status === 'failed' ? 'FAILED' : 'ESCALATED', outcome: 'escalate', resultText: performed.detail };
    }
    case 'hold':
      return { decision, status: 'PENDING', outcome: 'hold', resultText: decision.reason };
    case 'escalate':
      await escalateAction(ctx, project, action, decision.reason, run.runId, run.time);
      return { decision, status: 'ESCALATED', outcome: 'escalate', resultText: decision.reason };
    case 'block':
      return { decision, status: 'BLOCKED', outcome: 'block', resultText: decision.reason };
  }
};

/** Step 6: every proposal goes through the policy gate, then is executed, held, escalated or blocked. */
export const executeActions = async (base: AgentContext, { run }: StepInput): Promise<ExecuteResult> => {
  const ctx = fenced(base, run);
  await assertLeaseHeld(ctx.table, run);
  const projects = new Map((await listProjects(ctx.table)).map((p) => [p.id, p]));
  const result: ExecuteResult = { executed: 0, held: 0, escalated: 0, blocked: 0 };
  const proposals = await listProposals(ctx.table, run.time);
  // Reading every project's data for the leak check is only worth it when something may go out.
  const foreignData = proposals.length === 0 ? new Map<string, ForeignDataIndex>() : await foreignDataIndexes(ctx.table, [...projects.values()]);
  // Per project in this run: what the caps count.
  const tally = new Map<string, { executed: number; notified: number; escalated: number }>();
  const tallyOf = (projectId: string) => tally.get(projectId) ?? tally.set(projectId, { executed: 0, notified: 0, escalated: 0 }).get(projectId)!;
  // Each proposal leaves the work partition only after its effect and its record are stored,
  // so a retry redoes the bookkeeping while intents keep the effects at most once.
  for (const proposal of proposals) {
    if (proposal.kind === 'escalation') {
      const project = projects.get(proposal.projectId);
      const counts = tallyOf(proposal.projectId);
      const verdict = evaluateEscalation(proposal.request, ctx.settings, { escalatedThisRun: counts.escalated, foreignData: foreignData.get(proposal.projectId) });
      if (project && verdict.outcome === 'escalate') {
        await raiseEscalation(ctx, project, { id: proposal.id, request: proposal.request, signalIds: proposal.signalIds }, run.runId, run.time);
        counts.escalated++;
        result.escalated++;
      } else if (project) {
        await recordEvent(ctx.table, {
          id: `escalation-refused-${proposal.id}`, projectId: project.id, runId: run.runId, type: 'escalation_blocked', at: run.time,
          summary: `escalation not sent: ${verdict.reason}`, detail: { proposalId: proposal.id },
        });
        result.blocked++;
      }
      await deleteWork(ctx.table, 'PROPOSAL', proposal.id);
      continue;
    }
    const { action } = proposal;
    const project = projects.get(action.projectId);
    if (!project) {
      await deleteWork(ctx.table, 'PROPOSAL', proposal.id);
      continue;
    }
    const counts = tallyOf(project.id);
    const { decision, status, outcome, resultText } = await gateAndAct(ctx, project, action, run, {
      now: run.time, executedThisRun: counts.executed, notifiedThisRun: counts.notified, escalatedThisRun: counts.escalated, foreignData: foreignData.get(project.id),
    });
    if (status === 'DONE') counts[action.payload.type === 'notify_owner' ? 'notified' : 'executed']++;
    if (outcome === 'escalate') counts.escalated++;
    await putAction(ctx.table, {
      id: action.id, projectId: project.id, runId: run.runId, action, decision, status, createdAt: run.time,
      ...(decision.executeAfter ? { executeAfter: decision.executeAfter } : {}),
      ...(status === 'DONE' ? { executedAt: run.time } : {}), result: resultText,
    });
    await recordEvent(ctx.table, {
      id: `action-${action.id}`, projectId: project.id, runId: run.runId, type: `action_${outcome}`, at: run.time,
      summary: `${outcome}: ${describeAction(action)} (${decision.reason})`, detail: { actionId: action.id, type: action.payload.type },
    });
    await deleteWork(ctx.table, 'PROPOSAL', proposal.id);
    result[({ execute: 'executed', hold: 'held', escalate: 'escalated', block: 'blocked' } as const)[outcome]]++;
  }
  ctx.metrics.count('ActionsExecuted', result.executed);
  ctx.metrics.count('ActionsHeld', result.held);
  return result;
};
