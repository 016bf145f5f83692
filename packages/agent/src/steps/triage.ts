import { triageSignals, type TriageOutcome } from '@agentic-pm/llm';
import { countSignalsByStage, listSignalsInFlight, moveSignal, putProposal, saveTriage } from '@agentic-pm/storage';
import type { AgentContext } from '../context';
import { needsAHuman } from '../escalation-requests';
import { assertLeaseHeld } from '../fencing';
import { budgetMode, usageRecorder } from '../ledger-recorder';
import { reasoningDueAt } from '../reasoning-window';
import type { StepInput } from '../run-ref';

export interface TriageStepResult {
  triaged: number;
  /** Signals due for reasoning now, including any a failed run or an earlier window left. */
  complex: number;
  failedClosed: number;
  llmCalls: number;
}

const budgetExhausted = (id: string): TriageOutcome => ({
  id, via: 'fail_closed', reason: 'daily LLM budget exhausted (1.5x): rules only',
  sanitised: { id, summary: 'Not triaged: the daily LLM budget is exhausted.', entities: { issueKeys: [], dates: [], people: [], amounts: [] }, requests: [], injectionSuspected: false },
  classification: { id, category: 'decision_needed', severity: 'medium', confidence: 0, complexity: 'simple', artefacts: [] },
});

const byProject = <T extends { projectId: string }>(signals: readonly T[]): T[][] => {
  const groups = new Map<string, T[]>();
  for (const s of signals) groups.set(s.projectId, [...(groups.get(s.projectId) ?? []), s]);
  return [...groups.values()];
};

/** Step 4: two-pass triage of the signals waiting for it; results are stored on each signal. */
export const triage = async (ctx: AgentContext, { run }: StepInput): Promise<TriageStepResult> => {
  await assertLeaseHeld(ctx.table, run);
  const pending = await listSignalsInFlight(ctx.table, run.time, 'triage');
  const usage = usageRecorder(ctx, run.time);
  const mode = await budgetMode(ctx, run.time);
  const outcomes: TriageOutcome[] = [];
  try {
    // One project per batch: a model that copies text between the records of one call cannot
    // carry one project's data into another's.
    for (const batch of byProject(pending)) {
      outcomes.push(
        ...(mode === 'rules_only'
          ? batch.map((s) => budgetExhausted(s.id))
          : await triageSignals(
              batch.map((s) => ({ id: s.id, source: s.source, trust: s.trust, title: s.title, text: s.text, ...(s.issueKey ? { issueKey: s.issueKey } : {}), ...(s.from ? { from: s.from } : {}) })),
              { client: ctx.bedrock, settings: ctx.settings, onUsage: usage.onUsage },
            )),
      );
    }
  } finally {
    // Tokens spent before a failure are still spent: the budget must see them.
    await usage.flush();
  }
  const calls = usage.calls;
  const byId = new Map(pending.map((s) => [s.id, s]));
  const settled = outcomes.flatMap((outcome) => {
    const signal = byId.get(outcome.id);
    return signal ? [{ signal, outcome }] : [];
  });
  for (const { signal, outcome } of settled) {
    await saveTriage(ctx.table, signal, { sanitised: outcome.sanitised, classification: outcome.classification, via: outcome.via, ...(outcome.reason ? { reason: outcome.reason } : {}) });
  }
  // The question goes in before the signals move on, so a crash in between cannot lose it.
  const closed = settled.filter(({ outcome }) => outcome.via === 'fail_closed').map(({ signal }) => signal);
  const reason = mode === 'rules_only' ? 'the daily LLM budget is exhausted (1.5x): rules only' : 'triage output failed validation twice';
  for (const proposal of needsAHuman(closed, reason)) await putProposal(ctx.table, proposal, run.time);
  for (const { signal, outcome } of settled) {
    const complex = outcome.via === 'model' && outcome.classification.complexity === 'complex' && outcome.classification.category !== 'noise';
    await moveSignal(ctx.table, signal, complex ? 'reason' : 'artefacts', complex ? reasoningDueAt(outcome, run.time, ctx.settings) : undefined);
  }
  return { triaged: outcomes.length, complex: (await countSignalsByStage(ctx.table, run.time)).reason, failedClosed: closed.length, llmCalls: calls };
};
