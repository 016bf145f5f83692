import type { ArtefactType, Category, Severity } from './triage';

export type SignalSource = 'jira' | 'outlook';
export type TrustTier = 'internal' | 'external';

export interface FieldChange {
  field: string;
  from: string | null;
  to: string | null;
}

/** A normalised change. `text` is untrusted and never leaves storage except to triage pass 1. */
export interface Signal {
  /** Stable id: `${source}:${dedupeKey}`. */
  id: string;
  projectId: string;
  source: SignalSource;
  dedupeKey: string;
  occurredAt: string;
  actor: string | null;
  trust: TrustTier;
  /** Jira issue key, for Jira signals. */
  issueKey?: string;
  /** Mail subject or `KEY: summary`. Untrusted. */
  title: string;
  /** Bounded untrusted body: changelog, comments or mail text. */
  text: string;
  changes?: FieldChange[];
  /** Message id for mail, for reply threading. */
  messageId?: string;
  from?: string;
  to?: string[];
  /** Why the deterministic tripwire suspects a prompt injection; set whatever triage says. */
  tripwire?: string;
  /** Set when the rules pre-filter settled the signal without a model. */
  prefiltered?: RulesVerdict;
  runId: string;
}

/**
 * What the rules decided for a signal that needs no model. Omitted fields mean noise: low
 * severity, simple, no artefacts. `summary` and `issueKeys` are built from trusted or
 * pattern-checked values only, since later steps read them as pass-1 output.
 */
export interface RulesVerdict {
  category: Category;
  reason: string;
  severity?: Severity;
  complexity?: 'simple' | 'complex';
  artefacts?: ArtefactType[];
  summary?: string;
  issueKeys?: string[];
}
