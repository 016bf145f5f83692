import type * as z from 'zod';
import { HOUSEKEEPING_DAY_KEY } from '@agentic-pm/agent';
import {
  projectConfigSchema, proposedActionSchema, escalationRequestSchema, toJsonPath, ACTION_TYPES,
  type ActionType, type Artefact, type AutonomyLevel, type Escalation, type GateDecision, type ProjectConfig, type ProposedAction,
} from '@agentic-pm/domain';
import {
  actionItem, artefactItem, artefactVersionItem, checkpointItem, configItem, escalationItem, eventItem, nowEpochSeconds, projectItem,
  ACTION_TTL_DAYS, EVENT_TTL_DAYS, MAX_ARTEFACT_BYTES, ttlAfterDays,
  type ActionStatus, type AgentActionRecord, type ProjectActivity, type TableItem,
} from '@agentic-pm/storage';
import { artefactContentSchemas, OLD_TABLES, type OldActionRow, type OldEscalationRow, type OldExport, type OldProjectRow, type OldTable } from './old-export-schema';

/** The run id imported events and actions carry (GSI2 `RUN#old-system-import` lists them). */
export const IMPORT_RUN_ID = 'old-system-import';
/** Config keys the new loop owns: an old value would mislead it, so they are not imported. */
export const RESERVED_CONFIG_KEYS: readonly string[] = ['heartbeat', HOUSEKEEPING_DAY_KEY];

export interface Issue {
  path: string;
  message: string;
}

export type WriteKind = 'item' | 'artefact' | 'artefact-version' | 'project';

export interface PlannedWrite {
  table: OldTable;
  row: number;
  kind: WriteKind;
  item: TableItem;
}

/** Everything an import will write, built and checked before the table is touched. */
export interface ImportPlan {
  source: string;
  now: string;
  rows: Record<OldTable, number>;
  writes: PlannedWrite[];
  /** Rows not imported, by table, with why. */
  skipped: Record<OldTable, number>;
  notes: string[];
}

const AUTONOMY: Record<string, AutonomyLevel> = {
  observe: 'observe', maintain: 'maintain', act: 'act',
  // The old system's names and numeric levels.
  monitoring: 'observe', artefact: 'maintain', tactical: 'act', '1': 'observe', '2': 'maintain', '3': 'act',
};

const ACTION_TYPE_ALIASES: Record<string, ActionType> = {
  ...Object.fromEntries(ACTION_TYPES.map((t) => [t, t])),
  jira_status_change: 'jira_transition',
  email_stakeholder: 'send_email',
  notification: 'notify_owner',
};

/** Where a ProjectConfig field comes from in an old `projects` row, for error paths. */
const PROJECT_FIELD_SOURCE: Record<string, string> = {
  id: 'id', name: 'name', jiraProjectKey: 'source_project_key', mailbox: 'config.mailbox', owner: 'config.ownerEmail',
  autonomyLevel: 'autonomy_level', allowedEmailDomains: 'config.allowedEmailDomains', allowedTransitions: 'config.allowedTransitions',
  allowedFields: 'config.allowedFields', timeZone: 'config.timeZone',
};

const iso = (timestamp: string): string => new Date(timestamp).toISOString();
const at = (table: OldTable, row: number, field: string): string => `${toJsonPath([table, row])}${field ? `.${field}` : ''}`;

/** zod issues under one row, their paths relative to `base` (e.g. `detail`), or renamed by `rename`. */
const rowIssues = (error: z.ZodError, table: OldTable, row: number, base: string, rename: (first: string) => string = (f) => f): Issue[] =>
  error.issues.map((issue) => {
    const [first, ...rest] = issue.path;
    const field = first === undefined ? base : [base, rename(String(first))].filter(Boolean).join('.');
    return { path: at(table, row, toJsonPath([...(field ? [field] : []), ...rest]).slice(2)), message: issue.message };
  });

const canonicalOption = (option: string | { label: string; description?: string | null | undefined }): string =>
  typeof option === 'string' ? option : option.description ? `${option.label}: ${option.description}` : option.label;

/** Finds an option by 0-based index or by label (case-insensitive). */
const optionIndex = (choice: string | number, options: Array<string | { label: string }>): number => {
  if (typeof choice === 'number') return Number.isInteger(choice) && choice >= 0 && choice < options.length ? choice : -1;
  const wanted = choice.trim().toLowerCase();
  return options.findIndex((o) => (typeof o === 'string' ? o : o.label).trim().toLowerCase() === wanted);
};

class Mapper {
  readonly issues: Issue[] = [];
  readonly writes: PlannedWrite[] = [];
  readonly skipped = Object.fromEntries(OLD_TABLES.map((t) => [t, 0])) as Record<OldTable, number>;
  readonly notes: string[] = [];
  readonly projects = new Map<string, { config?: ProjectConfig; activity: ProjectActivity }>();

  constructor(
    private readonly data: OldExport,
    private readonly now: string,
    private readonly invalidProjectIds: ReadonlySet<string>,
  ) {}

  map(): void {
    this.mapProjects();
    this.mapArtefacts();
    this.mapEscalations();
    this.mapEvents();
    this.mapActions();
    this.mapCheckpoints();
    this.mapConfig();
  }

  private fail(table: OldTable, row: number, field: string, message: string): void {
    this.issues.push({ path: at(table, row, field), message });
  }

  private write(table: OldTable, row: number, item: TableItem, kind: WriteKind = 'item'): void {
    this.writes.push({ table, row, kind, item });
  }

  /** Rows of one table that repeat an earlier row's identity. */
  private unique<T>(table: OldTable, rows: Array<T | undefined>, identity: (row: T) => string, field: string): Set<number> {
    const first = new Map<string, number>();
    const duplicates = new Set<number>();
    rows.forEach((row, i) => {
      if (row === undefined) return;
      const key = identity(row);
      const seen = first.get(key);
      if (seen === undefined) first.set(key, i);
      else {
        duplicates.add(i);
        this.fail(table, i, field, `duplicates row ${seen} (${key})`);
      }
    });
    return duplicates;
  }

  private knownProject(table: OldTable, row: number, projectId: string): boolean {
    // A project row that failed validation is reported on its own; its rows are not "unknown".
    if (this.projects.has(projectId) || this.invalidProjectIds.has(projectId)) return true;
    this.fail(table, row, 'project_id', `unknown project "${projectId}": no such row in projects`);
    return false;
  }

  private mapProjects(): void {
    const rows = this.data.projects;
    const duplicates = this.unique('projects', rows, (p) => p.id, 'id');
    rows.forEach((row, i) => {
      if (!row || duplicates.has(i)) return;
      const config = this.projectConfig(row, i);
      this.projects.set(row.id, { ...(config ? { config } : {}), activity: row.status });
      if (!config) return;
      const item = projectItem(config, { registeredAt: this.now, updatedAt: iso(row.updated_at) }, row.status);
      if (row.description) item.description = row.description;
      this.write('projects', i, item, 'project');
      if (row.status !== 'active') this.notes.push(`projects[${i}] "${config.id}" is ${row.status}: stored and readable, but the loop does not watch it`);
    });
  }

  private projectConfig(row: OldProjectRow, i: number): ProjectConfig | undefined {
    let ok = true;
    if (row.source !== 'jira') {
      this.fail('projects', i, 'source', `source "${row.source}" cannot be mapped: the agent reads Jira only`);
      ok = false;
    }
    const autonomyLevel = AUTONOMY[String(row.autonomy_level).trim().toLowerCase()];
    if (!autonomyLevel) {
      this.fail('projects', i, 'autonomy_level', `"${row.autonomy_level}" cannot be mapped: expected observe, maintain or act (or monitoring, artefact, tactical, 1, 2, 3)`);
      ok = false;
    }
    const config = row.config ?? {};
    const candidate = {
      id: row.id,
      name: row.name,
      jiraProjectKey: row.source_project_key ?? undefined,
      mailbox: config.mailbox,
      owner: config.ownerEmail,
      autonomyLevel,
      allowedEmailDomains: config.allowedEmailDomains,
      ...(config.allowedTransitions !== undefined ? { allowedTransitions: config.allowedTransitions } : {}),
      ...(config.allowedFields !== undefined ? { allowedFields: config.allowedFields } : {}),
      ...(config.timeZone !== undefined ? { timeZone: config.timeZone } : {}),
    };
    const parsed = projectConfigSchema.safeParse(candidate);
    if (!parsed.success) {
      // autonomy_level is reported above; the rest name the old column the value came from.
      const issues = rowIssues(parsed.error, 'projects', i, '', (f) => PROJECT_FIELD_SOURCE[f] ?? f).filter(
        (issue) => autonomyLevel !== undefined || !issue.path.endsWith('.autonomy_level'),
      );
      this.issues.push(...issues.map((issue) => ({ ...issue, message: `${issue.message} (needed for the new project config)` })));
      return undefined;
    }
    return ok ? parsed.data : undefined;
  }

  private mapArtefacts(): void {
    const rows = this.data.artefacts;
    const duplicates = this.unique('artefacts', rows, (a) => `${a.project_id}/${a.type}`, 'type');
    rows.forEach((row, i) => {
      if (!row || duplicates.has(i) || !this.knownProject('artefacts', i, row.project_id)) return;
      const schema = artefactContentSchemas[row.type];
      const content = schema.safeParse(row.content);
      const previous = row.previous_version === null ? undefined : schema.safeParse(row.previous_version);
      if (!content.success) this.issues.push(...rowIssues(content.error, 'artefacts', i, 'content'));
      if (previous && !previous.success) this.issues.push(...rowIssues(previous.error, 'artefacts', i, 'previous_version'));
      if (!content.success || (previous && !previous.success)) return;
      const size = Buffer.byteLength(JSON.stringify(content.data));
      if (size > MAX_ARTEFACT_BYTES) {
        this.fail('artefacts', i, 'content', `is ${size} bytes, over the ${MAX_ARTEFACT_BYTES}-byte artefact limit`);
        return;
      }
      const artefact = {
        projectId: row.project_id, type: row.type, version: row.version, content: content.data,
        changeSummary: 'Imported from the old system', updatedAt: iso(row.updated_at),
      } as Artefact;
      const previousContent = previous?.data ?? null;
      // The old system kept one previous version: history holds it and the current one.
      if (previousContent !== null && row.version > 1) {
        const earlier = {
          ...artefact, version: row.version - 1, content: previousContent,
          changeSummary: 'Imported from the old system (previous version; its time was not kept)', updatedAt: iso(row.created_at),
        } as Artefact;
        this.write('artefacts', i, artefactVersionItem(earlier), 'artefact-version');
      }
      this.write('artefacts', i, artefactVersionItem(artefact), 'artefact-version');
      this.write('artefacts', i, artefactItem(artefact, previousContent), 'artefact');
    });
  }

  private mapEscalations(): void {
    const rows = this.data.escalations;
    const duplicates = this.unique('escalations', rows, (e) => e.id, 'id');
    rows.forEach((row, i) => {
      if (!row || duplicates.has(i) || !this.knownProject('escalations', i, row.project_id)) return;
      const escalation = this.escalation(row, i);
      if (escalation) this.write('escalations', i, escalationItem(escalation));
    });
  }

  private escalation(row: OldEscalationRow, i: number): (Escalation & { closedReason?: string }) | undefined {
    const recommendation = row.agent_recommendation === null ? -1 : optionIndex(row.agent_recommendation, row.options);
    if (recommendation < 0) {
      this.fail('escalations', i, 'agent_recommendation', `${JSON.stringify(row.agent_recommendation)} is not one of the options (a label or a 0-based index)`);
    }
    const request = escalationRequestSchema.safeParse({
      title: row.title,
      context: typeof row.context === 'string' ? row.context : JSON.stringify(row.context),
      options: row.options.map(canonicalOption),
      recommendation: Math.max(recommendation, 0),
      rationale: row.agent_rationale ?? '',
    });
    if (!request.success) {
      this.issues.push(...rowIssues(request.error, 'escalations', i, '', (f) => ({ rationale: 'agent_rationale', recommendation: 'agent_recommendation' })[f] ?? f));
    }
    let decision: Escalation['decision'];
    if (row.status === 'decided') {
      const option = row.user_decision === null ? -1 : optionIndex(row.user_decision, row.options);
      if (option < 0) this.fail('escalations', i, 'user_decision', `${JSON.stringify(row.user_decision)} is not one of the options, and a decided escalation needs one`);
      if (row.decided_at === null) this.fail('escalations', i, 'decided_at', 'is required for a decided escalation');
      if (option >= 0 && row.decided_at !== null) {
        const owner = this.projects.get(row.project_id)?.config?.owner ?? 'the owner (old system)';
        decision = { option, decidedAt: iso(row.decided_at), decidedBy: owner, ...(row.user_notes ? { notes: row.user_notes } : {}) };
      }
    }
    if (!request.success || recommendation < 0 || (row.status === 'decided' && !decision)) return undefined;
    return {
      ...request.data,
      id: row.id,
      projectId: row.project_id,
      // A decision the old system took was carried out there: `applied`, so the new loop does not act on it again.
      status: row.status === 'pending' ? 'pending' : 'applied',
      signalIds: [],
      createdAt: iso(row.created_at),
      ...(decision ? { decision } : {}),
      ...(row.status === 'expired' || row.status === 'superseded' ? { closedReason: `${row.status} in the old system` } : {}),
    };
  }

  private expired(createdAt: string, days: number): boolean {
    return ttlAfterDays(iso(createdAt), days) <= nowEpochSeconds(this.now);
  }

  private mapEvents(): void {
    const rows = this.data.events;
    const duplicates = this.unique('events', rows, (e) => e.id, 'id');
    let expired = 0;
    rows.forEach((row, i) => {
      if (!row || duplicates.has(i) || (row.project_id !== null && !this.knownProject('events', i, row.project_id))) return;
      if (this.expired(row.created_at, EVENT_TTL_DAYS)) {
        expired++;
        return;
      }
      this.write('events', i, eventItem({
        id: row.id, projectId: row.project_id, runId: IMPORT_RUN_ID, type: row.event_type, at: iso(row.created_at), summary: row.summary,
        ...(row.detail ? { detail: row.detail } : {}),
      }, row.severity ? { severity: row.severity } : {}));
    });
    this.skip('events', expired, `older than ${EVENT_TTL_DAYS} days, past their TTL: not imported`);
  }

  private mapActions(): void {
    const rows = this.data.agent_actions;
    const duplicates = this.unique('agent_actions', rows, (a) => a.id, 'id');
    let expired = 0;
    let held = 0;
    rows.forEach((row, i) => {
      if (!row || duplicates.has(i) || !this.knownProject('agent_actions', i, row.project_id)) return;
      const action = this.proposedAction(row, i);
      if (!action) return;
      if (this.expired(row.created_at, ACTION_TTL_DAYS)) {
        expired++;
        return;
      }
      const { status, decision, executeAfter } = this.actionState(row);
      if (status === 'PENDING') held++;
      const record: AgentActionRecord = {
        id: row.id, projectId: row.project_id, runId: IMPORT_RUN_ID, action, decision, status, createdAt: iso(row.created_at),
        ...(executeAfter ? { executeAfter } : {}),
        ...(row.executed_at ? { executedAt: iso(row.executed_at) } : {}),
      };
      this.write('agent_actions', i, actionItem(record));
    });
    this.skip('agent_actions', expired, `older than ${ACTION_TTL_DAYS} days, past their TTL: not imported`);
    if (held > 0) {
      this.notes.push(
        `agent_actions: ${held} held action(s) join the hold queue; when due the policy gate checks them again and, since their provenance is unknown, escalates them to the owner rather than running them`,
      );
    }
  }

  private proposedAction(row: OldActionRow, i: number): ProposedAction | undefined {
    const type = ACTION_TYPE_ALIASES[row.action_type];
    if (!type) {
      this.fail('agent_actions', i, 'action_type', `"${row.action_type}" cannot be mapped: expected one of ${Object.keys(ACTION_TYPE_ALIASES).join(', ')}`);
      return undefined;
    }
    const payload = proposedActionSchema.safeParse({ ...(row.detail ?? {}), type });
    if (!payload.success) {
      this.issues.push(...rowIssues(payload.error, 'agent_actions', i, 'detail', (f) => (f === 'type' ? 'action_type' : f)));
      return undefined;
    }
    return {
      id: row.id, projectId: row.project_id, payload: payload.data,
      // Unknown confidence counts as none, and unknown provenance as external: the gate escalates rather than acts.
      confidence: row.confidence ?? 0,
      rationale: row.description,
      provenance: { trust: 'external', injectionSuspected: false, signalIds: [] },
    };
  }

  private actionState(row: OldActionRow): { status: ActionStatus; decision: GateDecision; executeAfter?: string } {
    if (row.executed) return { status: 'DONE', decision: { outcome: 'execute', reason: 'executed by the old system' } };
    if (row.held_until) {
      const executeAfter = iso(row.held_until);
      return { status: 'PENDING', decision: { outcome: 'hold', reason: 'held by the old system', executeAfter }, executeAfter };
    }
    return { status: 'BLOCKED', decision: { outcome: 'block', reason: 'not executed by the old system' } };
  }

  private mapCheckpoints(): void {
    const rows = this.data.agent_checkpoints;
    const duplicates = this.unique('agent_checkpoints', rows, (c) => `${c.project_id}/${c.integration}/${c.checkpoint_key}`, 'checkpoint_key');
    rows.forEach((row, i) => {
      if (!row || duplicates.has(i) || !this.knownProject('agent_checkpoints', i, row.project_id)) return;
      this.write('agent_checkpoints', i, checkpointItem(row.project_id, row.integration, row.checkpoint_key, row.checkpoint_value, iso(row.updated_at)));
    });
  }

  private mapConfig(): void {
    const rows = this.data.agent_config;
    const duplicates = this.unique('agent_config', rows, (c) => c.key, 'key');
    let reserved = 0;
    rows.forEach((row, i) => {
      if (!row || duplicates.has(i)) return;
      if (RESERVED_CONFIG_KEYS.includes(row.key)) {
        reserved++;
        return;
      }
      this.write('agent_config', i, configItem(row.key, row.value, iso(row.updated_at)));
    });
    this.skip('agent_config', reserved, `keys the new loop owns (${RESERVED_CONFIG_KEYS.join(', ')}): not imported`);
  }

  private skip(table: OldTable, count: number, why: string): void {
    if (count === 0) return;
    this.skipped[table] += count;
    this.notes.push(`${table}: ${count} row(s) ${why}`);
  }
}

/**
 * Maps a validated export onto the new entities. Returns every issue found (table, row and field
 * in each path) instead of stopping at the first, so one pass fixes the file.
 */
export const mapOldExport = (
  data: OldExport,
  source: string,
  now: string,
  invalidProjectIds: ReadonlySet<string> = new Set(),
): { plan: ImportPlan; issues: Issue[] } => {
  const mapper = new Mapper(data, now, invalidProjectIds);
  mapper.map();
  return {
    plan: {
      source,
      now,
      rows: Object.fromEntries(OLD_TABLES.map((t) => [t, data[t].length])) as Record<OldTable, number>,
      writes: mapper.writes,
      skipped: mapper.skipped,
      notes: mapper.notes,
    },
    issues: mapper.issues,
  };
};
