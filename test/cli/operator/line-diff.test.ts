import { describe, expect, it } from 'vitest';
import { diffLines, formatDiff } from '../../../packages/cli/src/commands/operator/line-diff';

describe('line diff', () => {
  it('marks removed and added lines around the longest common subsequence', () => {
    // Act
    const ops = diffLines(['a', 'b', 'c', 'd'], ['a', 'c', 'x', 'd']);

    // Assess
    expect(ops.map((o) => `${o.kind[0]}${o.line}`)).toEqual(['sa', 'rb', 'sc', 'ax', 'sd']);
  });

  it('treats everything as added against nothing, and as removed against an empty result', () => {
    // Act & Assess
    expect(diffLines([], ['a', 'b']).map((o) => o.kind)).toEqual(['added', 'added']);
    expect(diffLines(['a'], []).map((o) => o.kind)).toEqual(['removed']);
  });

  it('prints changes with context and hunk headers numbered in the new version', () => {
    // Prepare
    const before = Array.from({ length: 12 }, (_, i) => `line ${i + 1}`);
    const after = before.map((l) => (l === 'line 2' ? 'line two' : l === 'line 11' ? 'line eleven' : l));

    // Act
    const lines = formatDiff(diffLines(before, after), { from: 'v1', to: 'v2' }, 1);

    // Assess
    expect(lines).toEqual(['--- v1', '+++ v2', '@@ line 1 @@', ' line 1', '-line 2', '+line two', ' line 3', '@@ line 10 @@', ' line 10', '-line 11', '+line eleven', ' line 12']);
  });

  it('says so when nothing changed', () => {
    // Act & Assess
    expect(formatDiff(diffLines(['a'], ['a']), { from: 'v1', to: 'v2' })).toEqual(['--- v1', '+++ v2', '(no differences)']);
  });
});
