import { describe, expect, it } from 'vitest';
import type { TriageResult } from '@agentic-pm/domain';
import { isDue } from '@agentic-pm/storage';
import { isUrgent, reasoningDueAt } from '../../packages/agent/src/reasoning-window';

const NOW = '2026-03-02T09:00:00.000Z';
const triage = (over: { category?: TriageResult['classification']['category']; severity?: TriageResult['classification']['severity']; injectionSuspected?: boolean } = {}) => ({
  sanitised: { id: 's1', summary: 'x', entities: { issueKeys: [], dates: [], people: [], amounts: [] }, requests: [], injectionSuspected: over.injectionSuspected ?? false },
  classification: { id: 's1', category: over.category ?? 'risk', severity: over.severity ?? 'medium', confidence: 0.8, complexity: 'complex' as const, artefacts: [] },
});

describe('reasoningDueAt', () => {
  it('holds a medium risk until the end of the window', () => {
    // Act
    const due = reasoningDueAt(triage(), NOW, { reasoningWindowMinutes: 60 });

    // Assess
    expect(due).toBe('2026-03-02T10:00:00.000Z');
    expect(isDue({ notBefore: due }, NOW)).toBe(false);
    expect(isDue({ notBefore: due }, '2026-03-02T10:00:00.000Z')).toBe(true);
  });

  it.each([
    ['a blocker', triage({ category: 'blocker' })],
    ['high severity', triage({ severity: 'high' })],
    ['critical severity', triage({ severity: 'critical' })],
    ['a suspected injection', triage({ injectionSuspected: true })],
  ])('does not hold %s', (_name, input) => {
    // Act & Assess
    expect(isUrgent(input)).toBe(true);
    expect(reasoningDueAt(input, NOW, { reasoningWindowMinutes: 60 })).toBeUndefined();
  });

  it('holds nothing when the window is 0', () => {
    // Act & Assess
    expect(reasoningDueAt(triage(), NOW, { reasoningWindowMinutes: 0 })).toBeUndefined();
  });
});
