import * as z from 'zod';
import type { AgentSettings } from '@agentic-pm/domain';
import { TRIAGE_TOOLS, costOf, type LlmPurpose, type LlmUsage } from '@agentic-pm/llm';

export type TriagePass = Extract<LlmPurpose, 'triage_sanitise' | 'triage_classify'>;
export const TRIAGE_PASSES: readonly TriagePass[] = ['triage_sanitise', 'triage_classify'];

export interface TokenTotals {
  calls: number;
  /** The one repair turn after an invalid answer counts as a call too. */
  repairCalls: number;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  /** USD from the price table; `null` when the table has no price for the model. */
  costUsd: number | null;
}

export interface PassUsage extends TokenTotals {
  pass: TriagePass;
  /** Signals that reached this pass (pass 2 sees only those pass 1 produced fields for). */
  signals: number;
  /** Prompt tokens (input + cache read + cache write) per signal that reached the pass. */
  promptTokensPerSignal: number | null;
  outputTokensPerSignal: number | null;
}

export interface UsageSummary {
  model: string;
  passes: PassUsage[];
  total: TokenTotals;
  /** Total cost / signals in the set. */
  costPerSignalUsd: number | null;
  /** Calls this run made, scaled to 50 signals. */
  callsPer50Measured: number | null;
  /** Calls 50 signals take at this batch size without repairs: 2 passes x ceil(50 / batch size). */
  callsPer50Planned: number;
  /** Why cost is missing, when it is. */
  costNote?: string;
}

const emptyTotals = (): TokenTotals => ({ calls: 0, repairCalls: 0, inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: 0 });

const add = (totals: TokenTotals, usage: LlmUsage, cost: number | null): void => {
  totals.calls += 1;
  if (usage.repair) totals.repairCalls += 1;
  totals.inputTokens += usage.inputTokens;
  totals.outputTokens += usage.outputTokens;
  totals.cacheReadTokens += usage.cacheReadTokens;
  totals.cacheWriteTokens += usage.cacheWriteTokens;
  totals.costUsd = totals.costUsd === null || cost === null ? null : totals.costUsd + cost;
};

const priceOf = (usage: LlmUsage, prices: AgentSettings['prices']): number | null =>
  prices[usage.model] === undefined ? null : costOf(usage, prices);

export const promptTokens = (t: Pick<TokenTotals, 'inputTokens' | 'cacheReadTokens' | 'cacheWriteTokens'>): number =>
  t.inputTokens + t.cacheReadTokens + t.cacheWriteTokens;

/** Sums the usage each call reported, per triage pass, and prices it. */
export const summariseUsage = (
  usage: readonly LlmUsage[],
  context: { model: string; prices: AgentSettings['prices']; batchSize: number; signals: number; signalsPerPass: Record<TriagePass, number> },
): UsageSummary => {
  const total = emptyTotals();
  const byPass = new Map<TriagePass, TokenTotals>(TRIAGE_PASSES.map((p) => [p, emptyTotals()]));
  for (const u of usage) {
    const cost = priceOf(u, context.prices);
    add(total, u, cost);
    const pass = byPass.get(u.purpose as TriagePass);
    if (pass !== undefined) add(pass, u, cost);
  }
  const passes = TRIAGE_PASSES.map((pass): PassUsage => {
    const totals = byPass.get(pass) ?? emptyTotals();
    const signals = context.signalsPerPass[pass];
    return {
      pass,
      ...totals,
      signals,
      promptTokensPerSignal: signals === 0 ? null : promptTokens(totals) / signals,
      outputTokensPerSignal: signals === 0 ? null : totals.outputTokens / signals,
    };
  });
  const unpriced = [...new Set(usage.filter((u) => context.prices[u.model] === undefined).map((u) => u.model))];
  return {
    model: context.model,
    passes,
    total,
    costPerSignalUsd: total.costUsd === null || context.signals === 0 ? null : total.costUsd / context.signals,
    callsPer50Measured: context.signals === 0 ? null : (total.calls * 50) / context.signals,
    callsPer50Planned: TRIAGE_PASSES.length * Math.ceil(50 / context.batchSize),
    ...(unpriced.length === 0 ? {} : { costNote: `no price for ${unpriced.join(', ')} in the price table (pass --config with prices)` }),
  };
};

// --- the sandbox's own record -------------------------------------------------------------------

const recordedRequest = z.object({
  toolConfig: z.object({ toolChoice: z.object({ tool: z.object({ name: z.string() }).optional() }).optional() }).optional(),
});
const recordedResponse = z.object({
  usage: z.object({
    inputTokens: z.number(),
    outputTokens: z.number(),
    cacheReadInputTokens: z.number().default(0),
    cacheWriteInputTokens: z.number().default(0),
  }),
});

export interface RecordedPassUsage {
  /** The tool the request forced: which pass the call belongs to. */
  tool: string;
  pass: TriagePass | 'other';
  calls: number;
  /** Calls answered with an error (not billed). */
  errors: number;
  promptTokens: number;
  outputTokens: number;
}

const PASS_OF_TOOL: Record<string, TriagePass> = {
  [TRIAGE_TOOLS.sanitise]: 'triage_sanitise',
  [TRIAGE_TOOLS.classify]: 'triage_classify',
};

/**
 * Per-pass usage from the calls the local Converse sandbox recorded, told apart by the tool each
 * request forces: a check on the figures the client reported, independent of its `purpose` tags.
 */
export const recordedUsageByPass = (calls: ReadonlyArray<{ request: unknown; response: unknown }>): RecordedPassUsage[] => {
  const groups = new Map<string, RecordedPassUsage>();
  for (const call of calls) {
    const tool = recordedRequest.safeParse(call.request).data?.toolConfig?.toolChoice?.tool?.name ?? '(none)';
    const group = groups.get(tool) ?? { tool, pass: PASS_OF_TOOL[tool] ?? 'other', calls: 0, errors: 0, promptTokens: 0, outputTokens: 0 };
    groups.set(tool, group);
    group.calls += 1;
    const response = recordedResponse.safeParse(call.response);
    if (!response.success) {
      group.errors += 1;
      continue;
    }
    const u = response.data.usage;
    group.promptTokens += u.inputTokens + u.cacheReadInputTokens + u.cacheWriteInputTokens;
    group.outputTokens += u.outputTokens;
  }
  return [...groups.values()];
};

/** Whether the sandbox's record and the client's reported usage agree, pass by pass. */
export const recordAgrees = (recorded: readonly RecordedPassUsage[], summary: UsageSummary): boolean =>
  summary.passes.every((p) => {
    const r = recorded.find((g) => g.pass === p.pass);
    const calls = (r?.calls ?? 0) - (r?.errors ?? 0);
    return calls === p.calls && (r?.promptTokens ?? 0) === promptTokens(p) && (r?.outputTokens ?? 0) === p.outputTokens;
  }) && recorded.every((r) => r.pass !== 'other');
