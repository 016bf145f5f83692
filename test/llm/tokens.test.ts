import { describe, expect, it } from 'vitest';
import { HAIKU_4_5, SONNET_4_5 } from '@agentic-pm/domain';
import { estimateTokens, minCachePrefixTokens, prefixChars, shouldCachePrefix } from '@agentic-pm/llm';

describe('cache point decision', () => {
  it('estimates tokens as ceil(chars / 4)', () => {
    // Act & Assess
    expect([0, 1, 4, 5, 4_096].map(estimateTokens)).toEqual([0, 1, 1, 2, 1_024]);
  });

  it.each([
    [SONNET_4_5, 4_092, false],
    [SONNET_4_5, 4_096, true],
    [HAIKU_4_5, 4_096, false],
    [HAIKU_4_5, 16_380, false],
    [HAIKU_4_5, 16_384, true],
    ['us.anthropic.claude-unknown-v1:0', 1_000_000, false],
  ])('%s with a %i-char prefix caches: %s', (model, chars, expected) => {
    // Act & Assess
    expect(shouldCachePrefix(model, chars)).toBe(expected);
  });

  it('knows the documented minimums by model family, for profiles and bare ids alike', () => {
    // Act & Assess
    expect(minCachePrefixTokens(HAIKU_4_5)).toBe(4_096);
    expect(minCachePrefixTokens(SONNET_4_5)).toBe(1_024);
    expect(minCachePrefixTokens('anthropic.claude-sonnet-4-5-20250929-v1:0')).toBe(1_024);
  });

  it('counts the system prompt and every tool spec in the prefix', () => {
    // Prepare
    const tool = { name: 'record', description: 'Record it.', inputSchema: { type: 'object' } };

    // Act
    const chars = prefixChars('abc', [tool, tool]);

    // Assess
    expect(chars).toBe(3 + 2 * ('record'.length + 'Record it.'.length + '{"type":"object"}'.length));
  });
});
