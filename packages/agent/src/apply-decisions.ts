import { applyArtefactOps, evaluateAction, type Escalation, type ForeignDataIndex, type ProjectConfig } from '@agentic-pm/domain';
import { listEscalationsByStatus, listProjects, moveAction, moveEscalation, recordEvent } from '@agentic-pm/storage';
import { writeIfChanged } from './artefact-writer';
import { foreignDataIndexes } from './foreign-data';
import type { AgentContext } from './context';
import { describeAction } from './perform-action';
import type { RunRef } from './run-ref';
import { performOrReport } from './steps/execute-actions';

export interface DecisionsResult {
  decisions: number;
  approvedExecuted: number;
}

/** The chosen option goes into the decision log; an approved action runs through the gate, marked approved. */
const applyOne = async (ctx: AgentContext, project: ProjectConfig, escalation: Escalation, run: RunRef, foreignData: ForeignDataIndex | undefined): Promise<boolean> => {
  const decision = escalation.decision!;
  const chosen = escalation.options[decision.option] ?? `option ${decision.option}`;
  await writeIfChanged(ctx, project, 'decision_log', run.time, (content) =>
    applyArtefactOps('decision_log', content, [
      {
        op: { op: 'decision_add', decision: `${escalation.title}: ${chosen}`.slice(0, 500), rationale: (decision.notes ?? escalation.rationale).slice(0, 1000), decidedBy: decision.decidedBy },
        signalIds: escalation.signalIds,
      },
    ], run.time),
  );
  if (!escalation.action || escalation.approveOption !== decision.option) return false;
  const approved = { ...escalation.action, approvedBy: decision.decidedBy };
  // Approval lifts the trust checks, never the hard limits or the leak check.
  const verdict = evaluateAction(approved, project, ctx.settings, { now: run.time, executedThisRun: 0, ...(foreignData ? { foreignData } : {}) });
  const record = { projectId: project.id, id: approved.id, createdAt: run.time };
  if (verdict.outcome !== 'execute') {
    await moveAction(ctx.table, record, 'ESCALATED', 'BLOCKED', { result: `approved, but ${verdict.reason}` });
    return false;
  }
  const performed = await performOrReport(ctx, project, approved, run.runId, run.time);
  await moveAction(ctx.table, record, 'ESCALATED', performed.status === 'done' ? 'DONE' : 'FAILED', { result: performed.detail, executedAt: run.time });
  await recordEvent(ctx.table, {
    id: `approved-${approved.id}`, projectId: project.id, runId: run.runId, type: 'action_approved', at: run.time,
    summary: `approved by ${decision.decidedBy}: ${describeAction(approved)} (${performed.detail})`,
  });
  return performed.status === 'done';
};

/**
 * Applies what the owner decided since the last run (`npm start -- decide`). Runs on every run,
 * so a decision never waits for new changes. Re-applying after a crash is harmless: the
 * decision log dedupes and the action's intent keeps its effect at most once.
 */
export const applyDecisions = async (ctx: AgentContext, run: RunRef): Promise<DecisionsResult> => {
  const decided = await listEscalationsByStatus(ctx.table, 'decided');
  if (decided.length === 0) return { decisions: 0, approvedExecuted: 0 };
  const projects = new Map((await listProjects(ctx.table)).map((p) => [p.id, p]));
  const foreignData = await foreignDataIndexes(ctx.table, [...projects.values()]);
  let approvedExecuted = 0;
  for (const escalation of decided) {
    const project = projects.get(escalation.projectId);
    if (project && (await applyOne(ctx, project, escalation, run, foreignData.get(project.id)))) approvedExecuted++;
    await moveEscalation(ctx.table, escalation, 'decided', 'applied');
    await recordEvent(ctx.table, {
      id: `decision-${escalation.id}`, projectId: escalation.projectId, runId: run.runId, type: 'decision_applied', at: run.time,
      summary: `Decision on "${escalation.title}": ${escalation.options[escalation.decision!.option] ?? '?'}`,
    });
  }
  return { decisions: decided.length, approvedExecuted };
};
