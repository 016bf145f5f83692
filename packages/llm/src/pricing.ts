import type { AgentSettings, ModelPrice } from '@agentic-pm/domain';
import type { LlmUsage } from './types';

/** Prices are USD per million tokens; scaling them by 1e6 gives integer pico-dollars per token. */
const PRICE_SCALE = 1_000_000;
const PICO_PER_USD = 1_000_000_000_000n;

const scaledPrice = (model: string, field: keyof ModelPrice, price: number): bigint => {
  const scaled = Math.round(price * PRICE_SCALE);
  if (!Number.isFinite(price) || price < 0 || Math.abs(scaled - price * PRICE_SCALE) > 1e-6) {
    throw new Error(`price table: ${model}.${field} = ${price} must be a non-negative amount with at most 6 decimals`);
  }
  return BigInt(scaled);
};

const tokenCount = (usage: LlmUsage, field: 'inputTokens' | 'outputTokens' | 'cacheReadTokens' | 'cacheWriteTokens'): bigint => {
  const value = usage[field];
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`usage for ${usage.model}: ${field} = ${value} is not a token count`);
  return BigInt(value);
};

/**
 * The USD cost of one model call. Integer arithmetic in pico-dollars, one rounding at the end, so
 * summing a day of calls in the ledger does not drift. Cache reads and writes have their own prices.
 */
export const costOf = (usage: LlmUsage, prices: AgentSettings['prices']): number => {
  const price = prices[usage.model];
  if (price === undefined) {
    const known = Object.keys(prices).join(', ') || 'none';
    throw new Error(`no price for model "${usage.model}" in the price table (known: ${known})`);
  }
  const pico =
    tokenCount(usage, 'inputTokens') * scaledPrice(usage.model, 'inputPerMTok', price.inputPerMTok) +
    tokenCount(usage, 'outputTokens') * scaledPrice(usage.model, 'outputPerMTok', price.outputPerMTok) +
    tokenCount(usage, 'cacheReadTokens') * scaledPrice(usage.model, 'cacheReadPerMTok', price.cacheReadPerMTok) +
    tokenCount(usage, 'cacheWriteTokens') * scaledPrice(usage.model, 'cacheWritePerMTok', price.cacheWritePerMTok);
  return Number(pico / PICO_PER_USD) + Number(pico % PICO_PER_USD) / Number(PICO_PER_USD);
};
