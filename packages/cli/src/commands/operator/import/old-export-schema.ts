import * as z from 'zod';
import { ARTEFACT_TYPES, raidItemSchema, type ArtefactType } from '@agentic-pm/domain';

/**
 * The JSON export of the old system's PostgreSQL database: one array per table, each row as
 * `row_to_json` writes it. Columns are snake_case; `jsonb` columns hold what the old application
 * wrote (camelCase inside); `timestamptz` columns are ISO 8601 with an offset
 * (`2026-02-20T09:15:00.123456+00:00`). A sample is test/cli/operator/fixtures/old-export.json.
 *
 * Rows are checked here for shape only; how a row maps onto the new entities (and why it may not)
 * is in map-old-export.ts.
 */

export const OLD_TABLES = ['projects', 'artefacts', 'escalations', 'events', 'agent_actions', 'agent_checkpoints', 'agent_config'] as const;
export type OldTable = (typeof OLD_TABLES)[number];

const timestamp = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 timestamp with a zone, e.g. 2026-02-20T09:15:00+00:00' });
/** uuid or serial: kept as a string. */
const rowId = z.union([z.string().min(1), z.number().int()]).transform(String);
const jsonObject = z.record(z.string(), z.unknown());

export const oldProjectRow = z.object({
  id: rowId,
  name: z.string().min(1),
  description: z.string().nullish(),
  status: z.enum(['active', 'paused', 'archived']),
  source: z.string().min(1),
  source_project_key: z.string().nullable(),
  autonomy_level: z.union([z.string(), z.number()]),
  /** `{ mailbox, ownerEmail, allowedEmailDomains, allowedTransitions?, allowedFields?, timeZone? }` */
  config: jsonObject.nullable(),
  created_at: timestamp,
  updated_at: timestamp,
});

export const oldArtefactRow = z.object({
  id: rowId.optional(),
  project_id: rowId,
  type: z.enum(ARTEFACT_TYPES),
  content: jsonObject,
  previous_version: jsonObject.nullable(),
  version: z.number().int().min(1),
  created_at: timestamp,
  updated_at: timestamp,
});

const optionText = z.union([z.string().min(1), z.object({ label: z.string().min(1), description: z.string().nullish() })]);

export const oldEscalationRow = z.object({
  id: rowId,
  project_id: rowId,
  title: z.string().min(1),
  context: z.union([z.string().min(1), jsonObject]),
  options: z.array(optionText).min(1),
  /** The recommended option: its label, or its 0-based index. */
  agent_recommendation: z.union([z.string(), z.number().int()]).nullable(),
  agent_rationale: z.string().nullable(),
  status: z.enum(['pending', 'decided', 'expired', 'superseded']),
  /** The chosen option: its label, or its 0-based index. */
  user_decision: z.union([z.string(), z.number().int()]).nullable(),
  user_notes: z.string().nullable(),
  decided_at: timestamp.nullable(),
  created_at: timestamp,
});

export const oldEventRow = z.object({
  id: rowId,
  project_id: rowId.nullable(),
  event_type: z.string().min(1),
  severity: z.string().nullish(),
  summary: z.string(),
  detail: jsonObject.nullable(),
  created_at: timestamp,
});

export const oldActionRow = z.object({
  id: rowId,
  project_id: rowId,
  action_type: z.string().min(1),
  description: z.string(),
  /** The action's parameters, e.g. `{ issueKey, body }` for a jira_comment. */
  detail: jsonObject.nullable(),
  confidence: z.number().min(0).max(1).nullable(),
  executed: z.boolean(),
  held_until: timestamp.nullable(),
  executed_at: timestamp.nullable(),
  created_at: timestamp,
});

export const oldCheckpointRow = z.object({
  id: rowId.optional(),
  project_id: rowId,
  integration: z.enum(['jira', 'outlook'], { message: 'must be "jira" or "outlook", the integrations the agent polls' }),
  checkpoint_key: z.string().min(1),
  checkpoint_value: z.union([z.string(), z.number()]).transform(String),
  updated_at: timestamp,
});

export const oldConfigRow = z.object({
  key: z.string().min(1),
  value: z.unknown().refine((v) => v !== undefined, 'is required (JSON null is allowed)'),
  updated_at: timestamp,
});

export const OLD_ROW_SCHEMAS = {
  projects: oldProjectRow,
  artefacts: oldArtefactRow,
  escalations: oldEscalationRow,
  events: oldEventRow,
  agent_actions: oldActionRow,
  agent_checkpoints: oldCheckpointRow,
  agent_config: oldConfigRow,
} satisfies Record<OldTable, z.ZodType>;

/** The file's outline: every table present as an array. Rows are checked one by one, so one bad row does not hide another. */
export const oldExportOutline = z.object({
  exported_at: timestamp.optional(),
  ...(Object.fromEntries(OLD_TABLES.map((t) => [t, z.array(z.unknown())])) as Record<OldTable, z.ZodArray<z.ZodUnknown>>),
});

/** The export after row validation: a row that failed is `undefined`, so every other row keeps its index. */
export type OldExport = { [K in OldTable]: Array<z.infer<(typeof OLD_ROW_SCHEMAS)[K]> | undefined> };
export type OldProjectRow = z.infer<typeof oldProjectRow>;
export type OldArtefactRow = z.infer<typeof oldArtefactRow>;
export type OldEscalationRow = z.infer<typeof oldEscalationRow>;
export type OldEventRow = z.infer<typeof oldEventRow>;
export type OldActionRow = z.infer<typeof oldActionRow>;

/**
 * Artefact content as the new artefact model holds it (packages/domain/src/artefact.ts). The old
 * application wrote the same documents; lists it did not yet keep default to empty.
 */
const rag = z.enum(['green', 'amber', 'red']);
export const artefactContentSchemas: { [K in ArtefactType]: z.ZodType } = {
  raid_log: z.object({ items: z.array(raidItemSchema.extend({ sourceSignals: z.array(z.string()).default([]) })) }),
  delivery_state: z.object({
    rag,
    reason: z.string().min(1),
    milestones: z.array(z.object({ name: z.string().min(1), dueDate: z.string().nullable(), status: z.string() })).default([]),
    blockers: z
      .array(z.object({ issueKey: z.string().nullable(), description: z.string().min(1), since: z.string(), sourceSignals: z.array(z.string()).default([]) }))
      .default([]),
    keyDates: z.array(z.object({ label: z.string().min(1), date: z.string() })).default([]),
  }),
  backlog_summary: z.object({
    total: z.number().int().min(0),
    byStatus: z.record(z.string(), z.number().int().min(0)),
    byPriority: z.record(z.string(), z.number().int().min(0)),
    overdue: z.array(z.string()).default([]),
    unassigned: z.array(z.string()).default([]),
    changedSinceLast: z.array(z.string()).default([]),
    asOf: z.string().min(1),
  }),
  decision_log: z.object({
    entries: z.array(
      z.object({ id: z.string().min(1), date: z.string(), decision: z.string().min(1), rationale: z.string(), decidedBy: z.string(), source: z.string() }),
    ),
  }),
};
