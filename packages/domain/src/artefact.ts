import * as z from 'zod';
import { SEVERITIES } from './triage';
import type { ArtefactType } from './triage';

export const RAID_KINDS = ['risk', 'assumption', 'issue', 'dependency'] as const;

export const raidItemSchema = z.object({
  id: z.string(),
  kind: z.enum(RAID_KINDS),
  description: z.string().max(500),
  owner: z.string().nullable(),
  severity: z.enum(SEVERITIES),
  status: z.enum(['open', 'closed']),
  raisedAt: z.string(),
  updatedAt: z.string(),
  sourceSignals: z.array(z.string()),
});
export type RaidItem = z.infer<typeof raidItemSchema>;

export interface RaidLog { items: RaidItem[] }

export type Rag = 'green' | 'amber' | 'red';
export interface DeliveryState {
  rag: Rag;
  reason: string;
  milestones: Array<{ name: string; dueDate: string | null; status: string }>;
  blockers: Array<{ issueKey: string | null; description: string; since: string; sourceSignals: string[] }>;
  keyDates: Array<{ label: string; date: string }>;
}

export interface BacklogSummary {
  total: number;
  byStatus: Record<string, number>;
  byPriority: Record<string, number>;
  overdue: string[];
  unassigned: string[];
  changedSinceLast: string[];
  asOf: string;
}

export interface DecisionLogEntry {
  id: string;
  date: string;
  decision: string;
  rationale: string;
  decidedBy: string;
  source: string;
}
export interface DecisionLog { entries: DecisionLogEntry[] }

export interface ArtefactContentByType {
  raid_log: RaidLog;
  delivery_state: DeliveryState;
  backlog_summary: BacklogSummary;
  decision_log: DecisionLog;
}

export interface Artefact<T extends ArtefactType = ArtefactType> {
  projectId: string;
  type: T;
  version: number;
  content: ArtefactContentByType[T];
  changeSummary: string;
  updatedAt: string;
}

/** The only way a model changes an artefact: small validated operations, never whole documents. */
export const artefactOpSchema = z.discriminatedUnion('op', [
  z.object({
    op: z.literal('raid_add'),
    kind: z.enum(RAID_KINDS),
    description: z.string().min(1).max(500),
    owner: z.string().max(80).nullable().default(null),
    severity: z.enum(SEVERITIES),
  }),
  z.object({
    op: z.literal('raid_update'),
    itemId: z.string(),
    description: z.string().min(1).max(500).optional(),
    severity: z.enum(SEVERITIES).optional(),
    owner: z.string().max(80).nullable().optional(),
  }),
  z.object({ op: z.literal('raid_close'), itemId: z.string(), note: z.string().max(300).optional() }),
  z.object({
    op: z.literal('delivery_set_rag'),
    rag: z.enum(['green', 'amber', 'red']),
    reason: z.string().min(1).max(300),
  }),
  z.object({
    op: z.literal('delivery_add_blocker'),
    issueKey: z.string().nullable().default(null),
    description: z.string().min(1).max(300),
  }),
  z.object({ op: z.literal('delivery_clear_blocker'), issueKey: z.string() }),
  z.object({
    op: z.literal('decision_add'),
    decision: z.string().min(1).max(500),
    rationale: z.string().min(1).max(1000),
    decidedBy: z.string().min(1).max(120),
  }),
]);
export type ArtefactOp = z.infer<typeof artefactOpSchema>;
