import * as z from 'zod';

export const CATEGORIES = [
  'blocker', 'risk', 'issue', 'dependency', 'decision_needed',
  'schedule_change', 'scope_change', 'status_update', 'info', 'noise',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const ARTEFACT_TYPES = ['raid_log', 'delivery_state', 'backlog_summary', 'decision_log'] as const;
export type ArtefactType = (typeof ARTEFACT_TYPES)[number];

/** Pass 1 output: what the quarantined model may say about untrusted text. */
export const sanitisedSignalSchema = z.object({
  id: z.string(),
  summary: z.string().max(400),
  entities: z.object({
    issueKeys: z.array(z.string().max(32)).max(20).default([]),
    dates: z.array(z.string().max(40)).max(20).default([]),
    people: z.array(z.string().max(80)).max(20).default([]),
    amounts: z.array(z.string().max(40)).max(20).default([]),
  }),
  requests: z.array(z.string().max(300)).max(10).default([]),
  injectionSuspected: z.boolean(),
  injectionReason: z.string().max(300).optional(),
});
export type SanitisedSignal = z.infer<typeof sanitisedSignalSchema>;

/** Pass 2 output: classification from pass-1 fields only. */
export const classificationSchema = z.object({
  id: z.string(),
  category: z.enum(CATEGORIES),
  severity: z.enum(SEVERITIES),
  confidence: z.number().min(0).max(1),
  complexity: z.enum(['simple', 'complex']),
  artefacts: z.array(z.enum(ARTEFACT_TYPES)).default([]),
});
export type Classification = z.infer<typeof classificationSchema>;

export interface TriageResult {
  sanitised: SanitisedSignal;
  classification: Classification;
  /** How the result was reached: a model, the rules pre-filter, or fail-closed. */
  via: 'model' | 'rules' | 'fail_closed';
  reason?: string;
}
