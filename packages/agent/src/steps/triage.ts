import type { TriageResult } from '@agentic-pm/domain';
import { triageSignals } from '@agentic-pm/llm';
import { listRunSignals, putProposal, saveTriage } from '@agentic-pm/storage';
import type { AgentContext } from '../context';
import { assertLeaseHeld } from '../fencing';
import { budgetMode, usageRecorder } from '../ledger-recorder';
import type { StepInput } from '../run-ref';
import { needsAHuman } from '../escalation-requests';

export interface TriageStepResult {
  triaged: number;
  complex: number;
  failedClosed: number;
  llmCalls: number;
}

/** Step 4: two-pass triage of the run's new signals; results are stored on each signal. */
export const triage = async (ctx: AgentContext, { run }: StepInput): Promise<TriageStepResult> => {
  await assertLeaseHeld(ctx.table, run);
  const signals = await listRunSignals(ctx.table, run.runId);
  const pending = signals.filter((s) => !s.triage);
  const usage = usageRecorder(ctx, run.time);
  const mode = await budgetMode(ctx, run.time);
  const outcomes =
    mode === 'rules_only'
      ? pending.map((s) => ({ id: s.id, via: 'fail_closed' as const, reason: 'daily LLM budget exhausted (1.5x): rules only', ...failClosedFields(s.id) }))
      : await triageSignals(
          pending.map((s) => ({ id: s.id, source: s.source, trust: s.trust, title: s.title, text: s.text, ...(s.issueKey ? { issueKey: s.issueKey } : {}), ...(s.from ? { from: s.from } : {}) })),
          { client: ctx.bedrock, settings: ctx.settings, onUsage: usage.onUsage },
        );
  const { calls } = await usage.flush();
  const byId = new Map(pending.map((s) => [s.id, s]));
  let failedClosed = 0;
  for (const outcome of outcomes) {
    const signal = byId.get(outcome.id);
    if (!signal) continue;
    const result: TriageResult = { sanitised: outcome.sanitised, classification: outcome.classification, via: outcome.via, ...(outcome.reason ? { reason: outcome.reason } : {}) };
    await saveTriage(ctx.table, signal, result);
    signal.triage = result;
    if (outcome.via === 'fail_closed') {
      failedClosed++;
      await putProposal(ctx.table, run.runId, needsAHuman(signal, outcome.reason ?? 'triage failed'), run.time);
    }
  }
  const complex = signals.filter((s) => s.triage?.via === 'model' && s.triage.classification.complexity === 'complex' && s.triage.classification.category !== 'noise').length;
  return { triaged: outcomes.length, complex, failedClosed, llmCalls: calls };
};

const failClosedFields = (id: string): Pick<TriageResult, 'sanitised' | 'classification'> => ({
  sanitised: { id, summary: 'Not triaged: the daily LLM budget is exhausted.', entities: { issueKeys: [], dates: [], people: [], amounts: [] }, requests: [], injectionSuspected: false },
  classification: { id, category: 'decision_needed', severity: 'medium', confidence: 0, complexity: 'simple', artefacts: [] },
});
