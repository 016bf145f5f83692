import type {
  ArtefactOp, ArtefactType, Classification, EscalationRequest, ActionPayload, ProjectConfig, SanitisedSignal, TrustTier,
} from '@agentic-pm/domain';

/** What triage pass 1 sees of a signal. `text` and `title` are untrusted. */
export interface TriageInput {
  id: string;
  source: 'jira' | 'outlook';
  trust: TrustTier;
  title: string;
  text: string;
  issueKey?: string;
  from?: string;
}

/** Which step made a model call, for the ledger. */
export type LlmPurpose = 'triage_sanitise' | 'triage_classify' | 'reasoning';

export interface LlmUsage {
  model: string;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  purpose?: LlmPurpose;
  /** True for the one repair turn after an invalid answer. */
  repair?: boolean;
}

export interface TriageOutcome {
  id: string;
  sanitised: SanitisedSignal;
  classification: Classification;
  via: 'model' | 'fail_closed';
  reason?: string;
}

/**
 * Who a signal came from, as far as reasoning needs to know: never the raw address, which an
 * attacker chooses and could use to steer the model or to get mail sent to themselves.
 */
export type SenderRole = 'project_owner' | 'colleague' | 'external_sender' | 'jira_user';

export interface ReasoningSignal {
  id: string;
  trust: TrustTier;
  issueKey?: string;
  senderRole?: SenderRole;
  sanitised: SanitisedSignal;
  classification: Classification;
}

export interface ReasoningInput {
  project: ProjectConfig;
  /** Compact rendering of the project's current artefacts. */
  artefacts: Partial<Record<ArtefactType, string>>;
  signals: ReasoningSignal[];
}

export interface ProposedByModel {
  payload: ActionPayload;
  confidence: number;
  rationale: string;
  signalIds: string[];
}

export interface ReasoningOutcome {
  proposals: ProposedByModel[];
  artefactOps: Array<{ op: ArtefactOp; signalIds: string[] }>;
  escalations: Array<{ request: EscalationRequest; signalIds: string[] }>;
  /** Reasoning failed closed: escalate these signals to a human. */
  failedClosed?: { signalIds: string[]; reason: string };
  /** The model's own summary from its `finish` call. */
  summary?: string;
}

/** Every model call reports its usage here, so the caller can write the ledger. */
export type UsageSink = (usage: LlmUsage) => void;
