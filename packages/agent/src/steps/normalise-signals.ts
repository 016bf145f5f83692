import { listProjects, listStagedChanges, putSignalOnce, recordEvent, saveTriage } from '@agentic-pm/storage';
import type { AgentContext } from '../context';
import { assertLeaseHeld } from '../fencing';
import type { StepInput } from '../run-ref';
import { buildSignal } from '../signal-builder';
import { rulesTriage } from '../rules-triage';

export interface NormaliseResult {
  created: number;
  duplicates: number;
  prefiltered: number;
  toTriage: number;
}

/** Step 3: one signal per staged change, stored once by dedupe key; the rules settle what needs no model. */
export const normaliseSignals = async (ctx: AgentContext, { run }: StepInput): Promise<NormaliseResult> => {
  await assertLeaseHeld(ctx.table, run);
  const projects = new Map((await listProjects(ctx.table)).map((p) => [p.id, p]));
  const staged = await listStagedChanges(ctx.table, run.runId);
  const result: NormaliseResult = { created: 0, duplicates: 0, prefiltered: 0, toTriage: 0 };
  for (const change of staged) {
    const project = projects.get(change.projectId);
    if (!project) continue;
    const signal = buildSignal(change, project, run.runId, ctx.settings.maxSignalTextChars);
    if ((await putSignalOnce(ctx.table, signal)) === 'duplicate') {
      result.duplicates++;
      continue;
    }
    result.created++;
    await recordEvent(ctx.table, {
      id: `signal-${signal.id}`,
      projectId: project.id,
      runId: run.runId,
      type: 'signal_created',
      at: run.time,
      summary: `${signal.source} signal ${signal.issueKey ?? ''} from ${signal.actor ?? 'unknown'}`.replace(/\s+/g, ' '),
      detail: { signalId: signal.id, trust: signal.trust },
    });
    if (signal.prefiltered) {
      await saveTriage(ctx.table, signal, rulesTriage(signal.id, signal.prefiltered.reason));
      result.prefiltered++;
    } else {
      result.toTriage++;
    }
  }
  ctx.metrics.count('SignalsProcessed', result.created);
  return result;
};
