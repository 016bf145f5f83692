import type { TriageResult } from '@agentic-pm/domain';

/** The triage record for a signal the rules settled as noise: no tokens spent. */
export const rulesTriage = (id: string, reason: string): TriageResult => ({
  sanitised: { id, summary: `Settled by rules: ${reason}`, entities: { issueKeys: [], dates: [], people: [], amounts: [] }, requests: [], injectionSuspected: false },
  classification: { id, category: 'noise', severity: 'low', confidence: 1, complexity: 'simple', artefacts: [] },
  via: 'rules',
  reason,
});
