import type { TokenUsage } from '@aws-sdk/client-bedrock-runtime';
import type { LlmPurpose, LlmUsage } from './types';

/**
 * Converts Bedrock's usage block into a ledger entry. Bedrock reports `inputTokens` excluding
 * the cached prefix, so the four counts are disjoint and priced separately. A missing field
 * counts as zero; Bedrock always sends the block, so that only happens with odd stand-ins.
 */
export const usageFrom = (
  model: string,
  usage: TokenUsage | undefined,
  tags: { purpose?: LlmPurpose; repair?: boolean } = {},
): LlmUsage => ({
  model,
  inputTokens: usage?.inputTokens ?? 0,
  outputTokens: usage?.outputTokens ?? 0,
  cacheReadTokens: usage?.cacheReadInputTokens ?? 0,
  cacheWriteTokens: usage?.cacheWriteInputTokens ?? 0,
  ...(tags.purpose === undefined ? {} : { purpose: tags.purpose }),
  ...(tags.repair ? { repair: true } : {}),
});
