import { applyArtefactOps, computeBacklogSummary, foreignDataIn, sameBacklog, type Artefact, type ArtefactOp } from '@agentic-pm/domain';
import { closeSignal, deleteWork, listArtefactOps, listJiraIssues, listProjects, listSignalsInFlight, recordEvent } from '@agentic-pm/storage';
import { writeIfChanged } from '../artefact-writer';
import type { AgentContext } from '../context';
import { foreignDataIndexes } from '../foreign-data';
import { assertLeaseHeld, fenced } from '../fencing';
import type { StepInput } from '../run-ref';
import { opsForSimpleSignal, unblockOps } from '../simple-signal-ops';

export interface UpdateArtefactsResult {
  updated: number;
}

type Ops = Array<{ op: ArtefactOp; signalIds: string[] }>;

/** Step 7: apply this run's artefact operations and recompute the backlog summary, one version per real change. */
export const updateArtefacts = async (base: AgentContext, { run }: StepInput): Promise<UpdateArtefactsResult> => {
  const ctx = fenced(base, run);
  await assertLeaseHeld(ctx.table, run);
  const signals = await listSignalsInFlight(ctx.table, run.time, 'artefacts');
  const modelOps = await listArtefactOps(ctx.table, run.time);
  const result: UpdateArtefactsResult = { updated: 0 };
  const projects = await listProjects(ctx.table);
  const foreignData = await foreignDataIndexes(ctx.table, projects);
  for (const project of projects) {
    const proposed: Ops = [
      ...signals.filter((s) => s.projectId === project.id).flatMap((s) => [...opsForSimpleSignal(s), ...unblockOps(s)].map((op) => ({ op, signalIds: [s.id] }))),
      ...modelOps.filter((o) => o.projectId === project.id).map((o) => ({ op: o.op, signalIds: o.signalIds })),
    ];
    const written: Array<Artefact | null> = [];
    const rejected = new Map<string, { op: ArtefactOp; reason: string }>();
    // Artefacts are mailed in the digest and count as the project's own data in the leak check:
    // another project's data must not get in through them.
    const index = foreignData.get(project.id);
    const ops = proposed.filter(({ op }) => {
      const leak = index === undefined ? null : foreignDataIn(JSON.stringify(op), index);
      if (leak) rejected.set(JSON.stringify(op), { op, reason: `its text ${leak}` });
      return leak === null;
    });
    for (const type of ['raid_log', 'delivery_state', 'decision_log'] as const) {
      written.push(
        await writeIfChanged(ctx, project, type, run.time, (content) => applyArtefactOps(type, content as never, ops, run.time), (r) => rejected.set(JSON.stringify(r.op), r)),
      );
    }
    for (const [i, r] of [...rejected.values()].entries()) {
      await recordEvent(ctx.table, {
        id: `artefact-op-rejected-${run.runId}-${project.id}-${i}`, projectId: project.id, runId: run.runId, type: 'artefact_op_rejected', at: run.time,
        summary: `Refused ${r.op.op}: ${r.reason}`,
      });
    }
    const issues = await listJiraIssues(ctx.table, project.id);
    written.push(
      await writeIfChanged(ctx, project, 'backlog_summary', run.time, (previous) => {
        const summary = computeBacklogSummary(issues, previous.total === 0 && previous.changedSinceLast.length === 0 ? undefined : previous, run.time);
        return { content: summary, changes: sameBacklog(summary, previous) ? [] : [`${summary.total} issues, ${summary.overdue.length} overdue, ${summary.unassigned.length} unassigned`] };
      }),
    );
    for (const artefact of written.filter((a): a is Artefact => a !== null)) {
      result.updated++;
      await recordEvent(ctx.table, {
        id: `artefact-${project.id}-${artefact.type}-v${artefact.version}`, projectId: project.id, runId: run.runId, type: 'artefact_updated', at: run.time,
        summary: `${artefact.type} v${artefact.version}: ${artefact.changeSummary}`, detail: { type: artefact.type, version: artefact.version },
      });
    }
  }
  // Applied: only now may the work leave the pipeline. Re-applying after a crash is harmless (ops dedupe).
  for (const op of modelOps) await deleteWork(ctx.table, 'OP', op.id);
  for (const signal of signals) await closeSignal(ctx.table, signal);
  ctx.metrics.count('ArtefactUpdates', result.updated);
  return result;
};
