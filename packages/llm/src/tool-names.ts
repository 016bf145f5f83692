/** Tool names are part of the prompt contract: the local offline brain dispatches on them too. */
export const TRIAGE_TOOLS = {
  sanitise: 'record_sanitised_signals',
  classify: 'record_classifications',
} as const;

export const REASONING_TOOLS = {
  proposeAction: 'propose_action',
  artefactOperation: 'artefact_operation',
  requestEscalation: 'request_escalation',
  finish: 'finish',
} as const;
