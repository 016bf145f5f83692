import * as z from 'zod';
import type { AgentSettings } from '@agentic-pm/domain';
import { costOf } from '@agentic-pm/llm';
import type { RecordedCall } from '@agentic-pm/sandboxes';

/** Tokens and calls of a group of Converse calls (one model, or one purpose). */
export interface ModelUsage {
  modelId: string;
  calls: number;
  /** Calls Bedrock answered with an error: not billed, but worth seeing. */
  errors: number;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
}

const responseSchema = z.object({
  usage: z.object({
    inputTokens: z.number().int().nonnegative(),
    outputTokens: z.number().int().nonnegative(),
    cacheReadInputTokens: z.number().int().nonnegative().default(0),
    cacheWriteInputTokens: z.number().int().nonnegative().default(0),
  }),
});

const requestSchema = z.object({
  messages: z.array(z.unknown()).default([]),
  toolConfig: z.object({ toolChoice: z.object({ tool: z.object({ name: z.string() }).optional() }).optional() }).optional(),
});

export const emptyUsage = (modelId: string): ModelUsage => ({ modelId, calls: 0, errors: 0, inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 });

/**
 * Sums usage from the bodies the Converse endpoint answered with. Its meter counts tokens as
 * ceil(chars / 4) of the request's and the answer's text (the sandbox's token-meter), the same
 * approximation for both designs, so their ratio depends little on it.
 */
export const sumUsage = (calls: readonly RecordedCall[], keyOf: (call: RecordedCall) => string = (c) => c.modelId): ModelUsage[] => {
  const groups = new Map<string, ModelUsage>();
  for (const call of calls) {
    const key = keyOf(call);
    const usage = groups.get(key) ?? emptyUsage(key);
    groups.set(key, usage);
    usage.calls += 1;
    const parsed = responseSchema.safeParse(call.response);
    if (!parsed.success) {
      usage.errors += 1;
      continue;
    }
    usage.inputTokens += parsed.data.usage.inputTokens;
    usage.outputTokens += parsed.data.usage.outputTokens;
    usage.cacheReadTokens += parsed.data.usage.cacheReadInputTokens;
    usage.cacheWriteTokens += parsed.data.usage.cacheWriteInputTokens;
  }
  return [...groups.values()].sort((a, b) => a.modelId.localeCompare(b.modelId));
};

/** What a call was for, from its request: the tool it forces, or a reasoning turn; later turns apart, as they re-send the conversation. */
export const purposeOf = (call: RecordedCall): string => {
  const request = requestSchema.safeParse(call.request);
  if (!request.success) return 'unreadable request';
  const forced = request.data.toolConfig?.toolChoice?.tool?.name;
  const followUp = request.data.messages.length > 1;
  if (forced !== undefined) return followUp ? `${forced} (repair turn)` : forced;
  return followUp ? 'reasoning (later turns)' : 'reasoning (first turn)';
};

/** USD for a usage group priced as one model (the group's modelId must be a model). */
export const usdOf = (usage: ModelUsage, prices: AgentSettings['prices']): number =>
  costOf({ model: usage.modelId, inputTokens: usage.inputTokens, outputTokens: usage.outputTokens, cacheReadTokens: usage.cacheReadTokens, cacheWriteTokens: usage.cacheWriteTokens }, prices);

/** USD of a set of calls, each priced by its own model. */
export const usdOfCalls = (calls: readonly RecordedCall[], prices: AgentSettings['prices']): number =>
  sumUsage(calls).reduce((sum, usage) => sum + usdOf(usage, prices), 0);

/** USD per purpose, each call priced by its own model. */
export const usdByPurpose = (calls: readonly RecordedCall[], prices: AgentSettings['prices']): Record<string, number> => {
  const groups = new Map<string, RecordedCall[]>();
  for (const call of calls) {
    const purpose = purposeOf(call);
    const group = groups.get(purpose) ?? [];
    group.push(call);
    groups.set(purpose, group);
  }
  return Object.fromEntries([...groups].map(([purpose, group]) => [purpose, usdOfCalls(group, prices)]));
};
