import { countSignalsByStage, deleteStagedChange, listProjects, listStagedChanges, putSignalOnce, recordEvent } from '@agentic-pm/storage';
import type { AgentContext } from '../context';
import { assertLeaseHeld } from '../fencing';
import type { StepInput } from '../run-ref';
import { buildSignal } from '../signal-builder';
import { rulesStage, rulesTriage } from '../rules-triage';

export interface NormaliseResult {
  created: number;
  duplicates: number;
  prefiltered: number;
  /** Signals waiting for triage and for reasoning, including any a failed run left. */
  toTriage: number;
  toReason: number;
}

/** Step 3: one signal per staged change, stored once by dedupe key; the rules settle what needs no model. */
export const normaliseSignals = async (ctx: AgentContext, { run }: StepInput): Promise<NormaliseResult> => {
  await assertLeaseHeld(ctx.table, run);
  const projects = new Map((await listProjects(ctx.table)).map((p) => [p.id, p]));
  let created = 0;
  let duplicates = 0;
  let prefiltered = 0;
  for (const change of await listStagedChanges(ctx.table, run.time)) {
    const project = projects.get(change.projectId);
    if (project) {
      const signal = buildSignal(change, project, run.runId, ctx.settings.maxSignalTextChars, [...projects.values()]);
      const settled = signal.prefiltered ? { ...signal, triage: rulesTriage(signal.id, signal.prefiltered) } : signal;
      if ((await putSignalOnce(ctx.table, settled, signal.prefiltered ? rulesStage(signal.prefiltered) : 'triage')) === 'created') {
        created++;
        if (signal.prefiltered) prefiltered++;
        await recordEvent(ctx.table, {
          id: `signal-${signal.id}`, projectId: project.id, runId: run.runId, type: 'signal_created', at: run.time,
          summary: `${signal.source} signal ${signal.issueKey ?? ''} from ${signal.actor ?? 'unknown'}${signal.prefiltered ? ` (settled by rules: ${signal.prefiltered.reason})` : ''}`.replace(/\s+/g, ' '),
          detail: { signalId: signal.id, trust: signal.trust, ...(signal.tripwire ? { tripwire: signal.tripwire } : {}) },
        });
      } else {
        duplicates++;
      }
    }
    // Only once the signal is stored may the staged change go.
    await deleteStagedChange(ctx.table, change);
  }
  ctx.metrics.count('SignalsProcessed', created);
  const waiting = await countSignalsByStage(ctx.table, run.time);
  return { created, duplicates, prefiltered, toTriage: waiting.triage, toReason: waiting.reason };
};
