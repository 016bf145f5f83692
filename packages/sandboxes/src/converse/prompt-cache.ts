import { createHash } from 'node:crypto';
import { tokensFor, type PromptPiece } from './token-meter';

/** Bedrock's default cache life; every hit refreshes it. */
export const CACHE_TTL_MS = 5 * 60_000;

/**
 * Minimum cacheable prefix per model family, as Bedrock documents it; shorter prefixes are
 * silently not cached. Kept apart from the client's own table on purpose: the stand-in is the
 * oracle the client's caching decision is tested against.
 */
const MINIMUM_PREFIX_TOKENS: ReadonlyArray<[family: string, tokens: number]> = [
  ['claude-haiku-4-5', 4_096],
  ['claude-sonnet-4', 1_024],
];
const DEFAULT_MINIMUM_PREFIX_TOKENS = 1_024;

export const minimumPrefixTokens = (modelId: string): number =>
  MINIMUM_PREFIX_TOKENS.find(([family]) => modelId.includes(family))?.[1] ?? DEFAULT_MINIMUM_PREFIX_TOKENS;

export interface InputUsage {
  inputTokens: number;
  cacheReadInputTokens: number;
  cacheWriteInputTokens: number;
}

/**
 * Prompt caching as the bill sees it: the prefix up to the last cachePoint is written on first
 * use and read by later identical prefixes (same model, same bytes) within the TTL. Cached
 * tokens are reported apart from `inputTokens`, as Bedrock does.
 */
export class PromptCache {
  readonly #expiries = new Map<string, number>();

  constructor(private readonly now: () => number) {}

  account(modelId: string, pieces: readonly PromptPiece[]): InputUsage {
    const total = tokensFor(pieces.reduce((sum, p) => sum + p.chars, 0));
    const end = pieces.findLastIndex((p) => p.cachePoint);
    const prefix = pieces.slice(0, end + 1);
    const prefixTokens = tokensFor(prefix.reduce((sum, p) => sum + p.chars, 0));
    if (end < 0 || prefixTokens < minimumPrefixTokens(modelId)) {
      return { inputTokens: total, cacheReadInputTokens: 0, cacheWriteInputTokens: 0 };
    }
    const key = createHash('sha256').update(modelId).update('\0').update(JSON.stringify(prefix.map((p) => p.value))).digest('hex');
    const now = this.now();
    const hit = (this.#expiries.get(key) ?? -Infinity) > now;
    this.#expiries.set(key, now + CACHE_TTL_MS);
    return {
      inputTokens: total - prefixTokens,
      cacheReadInputTokens: hit ? prefixTokens : 0,
      cacheWriteInputTokens: hit ? 0 : prefixTokens,
    };
  }
}
