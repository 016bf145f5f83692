import { describe, expect, it } from 'vitest';
import { HAIKU_4_5, SONNET_4_5, defaultSettings } from '@agentic-pm/domain';
import { costOf, type LlmUsage } from '@agentic-pm/llm';

const usage = (model: string, counts: Partial<Omit<LlmUsage, 'model'>>): LlmUsage => ({
  model, inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, ...counts,
});

describe('costOf', () => {
  const prices = defaultSettings().prices;

  it('prices Haiku 4.5 from the table: $1 in, $5 out, $0.10 cache read, $1.25 cache write per MTok', () => {
    // Prepare
    const call = usage(HAIKU_4_5, { inputTokens: 1_234, outputTokens: 567, cacheReadTokens: 2_000, cacheWriteTokens: 5_000 });

    // Act
    const cost = costOf(call, prices);

    // Assess: (1234*1 + 567*5 + 2000*0.1 + 5000*1.25) / 1e6 = 10519 / 1e6
    expect(cost).toBe(0.010519);
  });

  it('prices Sonnet 4.5 exactly, including fractional cache-read prices', () => {
    // Prepare
    const call = usage(SONNET_4_5, { inputTokens: 12_345, outputTokens: 678, cacheReadTokens: 4_096, cacheWriteTokens: 1_500 });

    // Act
    const cost = costOf(call, prices);

    // Assess: 37035 + 10170 + 1228.8 + 5625 = 54058.8 micro-dollars
    expect(cost).toBe(0.0540588);
  });

  it('charges cache tokens at their own prices, not the input price', () => {
    // Act
    const read = costOf(usage(SONNET_4_5, { cacheReadTokens: 1_000_000 }), prices);
    const write = costOf(usage(SONNET_4_5, { cacheWriteTokens: 1_000_000 }), prices);

    // Assess
    expect(read).toBe(0.3);
    expect(write).toBe(3.75);
  });

  it('uses a configured price table', () => {
    // Prepare
    const custom = { 'my-model': { inputPerMTok: 0.8, outputPerMTok: 4, cacheReadPerMTok: 0.08, cacheWritePerMTok: 1 } };

    // Act
    const cost = costOf(usage('my-model', { inputTokens: 3, outputTokens: 7, cacheReadTokens: 11 }), custom);

    // Assess: 2.4 + 28 + 0.88 = 31.28 micro-dollars
    expect(cost).toBe(0.00003128);
  });

  it('rejects an unknown model, naming it and the known ones', () => {
    // Act & Assess
    expect(() => costOf(usage('anthropic.claude-unknown', { inputTokens: 1 }), prices)).toThrow(
      /no price for model "anthropic\.claude-unknown".*known: .*haiku/,
    );
  });

  it('rejects token counts that are not non-negative integers', () => {
    // Act & Assess
    expect(() => costOf(usage(HAIKU_4_5, { outputTokens: -1 }), prices)).toThrow(/outputTokens = -1/);
    expect(() => costOf(usage(HAIKU_4_5, { inputTokens: 1.5 }), prices)).toThrow(/inputTokens = 1.5/);
  });
});
