import type { SanitisedSignal } from '@agentic-pm/domain';
import type { TriageInput, TriageOutcome } from './types';

export const FAIL_CLOSED_SUMMARY = 'Could not be triaged automatically; needs a human look.';

/**
 * A signal the model could not triage becomes a decision for the human: confidence 0 keeps every
 * action derived from it below the gate's threshold, and 'simple' routes it straight to an
 * escalation rather than to more model reasoning. Pass-1 fields survive when only pass 2 failed:
 * they are quarantine output that later steps may see anyway, and they help the human decide.
 */
export const failClosed = (input: TriageInput, reason: string, sanitised?: SanitisedSignal): TriageOutcome => ({
  id: input.id,
  sanitised: sanitised ?? {
    id: input.id,
    summary: FAIL_CLOSED_SUMMARY,
    entities: { issueKeys: input.issueKey === undefined ? [] : [input.issueKey], dates: [], people: [], amounts: [] },
    requests: [],
    injectionSuspected: false,
  },
  classification: { id: input.id, category: 'decision_needed', severity: 'medium', confidence: 0, complexity: 'simple', artefacts: [] },
  via: 'fail_closed',
  reason,
});
