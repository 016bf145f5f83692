/**
 * Token estimate without a tokenizer: ceil(chars / 4). Claude's tokenizer averages roughly four
 * characters of English per token; JSON and ids run denser, so treat this as a planning figure
 * (cache thresholds, max_tokens budgets), never as billing. Billing uses the usage Bedrock reports.
 */
export const estimateTokens = (chars: number): number => Math.ceil(Math.max(0, chars) / 4);

export const estimateTokensOf = (text: string): number => estimateTokens(text.length);

/**
 * Minimum cacheable prefix per model (Bedrock prompt caching): below it a cachePoint is ignored,
 * so adding one only costs request bytes. Matched on the model family so regional inference
 * profiles (`us.`, `eu.`, ...) and bare model ids resolve alike.
 */
const CACHE_MINIMUMS: ReadonlyArray<{ family: string; minTokens: number }> = [
  { family: 'claude-haiku-4-5', minTokens: 4_096 },
  { family: 'claude-sonnet-4', minTokens: 1_024 },
];

/** The minimum prefix, in tokens, for a cachePoint to take effect; undefined when the model is unknown. */
export const minCachePrefixTokens = (modelId: string): number | undefined =>
  CACHE_MINIMUMS.find((m) => modelId.includes(m.family))?.minTokens;

/** Add a cachePoint only when the estimated prefix reaches the model's minimum; unknown models never cache. */
export const shouldCachePrefix = (modelId: string, prefixChars: number): boolean => {
  const min = minCachePrefixTokens(modelId);
  return min !== undefined && estimateTokens(prefixChars) >= min;
};
