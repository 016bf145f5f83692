import { z } from 'zod';
import type { RecordedCall } from '@agentic-pm/sandboxes';

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

const usageSchema = z.object({
  usage: z.object({
    inputTokens: z.number().int().nonnegative(),
    outputTokens: z.number().int().nonnegative(),
    cacheReadInputTokens: z.number().int().nonnegative().default(0),
    cacheWriteInputTokens: z.number().int().nonnegative().default(0),
  }),
});

export const emptyUsage = (modelId: string): ModelUsage => ({ modelId, calls: 0, errors: 0, inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 });

/**
 * Usage per model from the bodies the Converse endpoint answered with. Its meter counts tokens
 * as ceil(chars / 4) of the request's and the answer's text (see the sandbox's token-meter),
 * the same approximation for both designs, so the ratio does not depend on it much.
 */
export const usageByModel = (calls: readonly RecordedCall[]): ModelUsage[] => {
  const byModel = new Map<string, ModelUsage>();
  for (const call of calls) {
    const usage = byModel.get(call.modelId) ?? emptyUsage(call.modelId);
    byModel.set(call.modelId, usage);
    usage.calls += 1;
    const parsed = usageSchema.safeParse(call.response);
    if (!parsed.success) {
      usage.errors += 1;
      continue;
    }
    usage.inputTokens += parsed.data.usage.inputTokens;
    usage.outputTokens += parsed.data.usage.outputTokens;
    usage.cacheReadTokens += parsed.data.usage.cacheReadInputTokens;
    usage.cacheWriteTokens += parsed.data.usage.cacheWriteInputTokens;
  }
  return [...byModel.values()].sort((a, b) => a.modelId.localeCompare(b.modelId));
};
