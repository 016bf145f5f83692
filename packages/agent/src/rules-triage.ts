import type { RulesVerdict, TriageResult } from '@agentic-pm/domain';

/** The triage record for a signal the rules settled: no tokens spent. */
export const rulesTriage = (id: string, verdict: RulesVerdict): TriageResult => ({
  sanitised: {
    id,
    summary: verdict.summary ?? `Settled by rules: ${verdict.reason}`,
    entities: { issueKeys: verdict.issueKeys ?? [], dates: [], people: [], amounts: [] },
    requests: [],
    injectionSuspected: false,
  },
  classification: {
    id,
    category: verdict.category,
    severity: verdict.severity ?? 'low',
    confidence: 1,
    complexity: verdict.complexity ?? 'simple',
    artefacts: verdict.artefacts ?? [],
  },
  via: 'rules',
  reason: verdict.reason,
});

/** Where a rules-settled signal goes next: complex ones still get reasoning. */
export const rulesStage = (verdict: RulesVerdict): 'reason' | 'artefacts' => (verdict.complexity === 'complex' ? 'reason' : 'artefacts');
