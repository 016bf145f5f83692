import type { Artefact, Escalation, ProjectConfig } from '@agentic-pm/domain';
import type { AgentActionRecord } from './actions';
import type { Integration } from './checkpoints';
import type { AgentEvent } from './events';
import { keys, gsi1, gsi2, ttlAfterDays } from './keys';

/**
 * Whole items for bulk loads (the import from the old system), built from the keys in keys.ts.
 * Each has exactly the shape the entity's own put function writes (putProject, putArtefactVersion,
 * putEscalation, recordEvent, putAction, putCheckpoint, putConfigValue), so everything the loop and
 * the operator views read works on imported data. test/storage/bulk-items.test.ts holds them to that.
 */
export type TableItem = Record<string, unknown> & { pk: string; sk: string };

export const EVENT_TTL_DAYS = 30;
export const ACTION_TTL_DAYS = 90;

export type ProjectActivity = 'active' | 'paused' | 'archived';

/**
 * A project. An active one is in GSI1 `PROJECTS`, which the loop lists; a paused or archived one
 * is in `PROJECTS#<status>` instead: readable by id, not watched. putProject later makes it active.
 */
export const projectItem = (
  project: ProjectConfig,
  times: { registeredAt: string; updatedAt: string },
  activity: ProjectActivity = 'active',
): TableItem => ({
  ...keys.project(project.id),
  gsi1pk: activity === 'active' ? gsi1.projects : gsi1.inactiveProjects(activity),
  gsi1sk: project.id,
  entity: 'Project',
  config: project,
  updatedAt: times.updatedAt,
  registeredAt: times.registeredAt,
});

/** The current artefact item, with the previous version's content (or null). */
export const artefactItem = (artefact: Artefact, previousContent: unknown): TableItem => ({
  ...keys.artefact(artefact.projectId, artefact.type),
  entity: 'Artefact',
  ...artefact,
  previousVersion: previousContent ?? null,
});

/** The history item of one artefact version. */
export const artefactVersionItem = (artefact: Artefact): TableItem => ({
  ...keys.artefactVersion(artefact.projectId, artefact.type, artefact.version),
  entity: 'ArtefactVersion',
  ...artefact,
});

export const escalationItem = (escalation: Escalation): TableItem => ({
  ...keys.escalation(escalation.projectId, escalation.id),
  gsi1pk: gsi1.escalationStatus(escalation.status),
  gsi1sk: `${escalation.createdAt}#${escalation.id}`,
  entity: 'Escalation',
  ...escalation,
});

/** An event, expiring EVENT_TTL_DAYS after it happened. `extra` attributes (e.g. an old event's `severity`) are stored too. */
export const eventItem = (event: AgentEvent, extra: Record<string, unknown> = {}): TableItem => ({
  ...keys.event(event.projectId ?? 'GLOBAL', event.at, event.id),
  gsi1pk: gsi1.eventType(event.type),
  gsi1sk: `${event.at}#${event.id}`,
  gsi2pk: gsi2.run(event.runId),
  gsi2sk: `EVENT#${event.at}#${event.id}`,
  entity: 'Event',
  ...event,
  ...extra,
  expiresAt: ttlAfterDays(event.at, EVENT_TTL_DAYS),
});

/** An agent action, expiring ACTION_TTL_DAYS after it was created; a PENDING one is in the hold queue. */
export const actionItem = (record: AgentActionRecord): TableItem => ({
  ...keys.action(record.projectId, record.id),
  gsi1pk: gsi1.actionStatus(record.status),
  gsi1sk: `${record.executeAfter ?? record.createdAt}#${record.id}`,
  entity: 'AgentAction',
  ...record,
  expiresAt: ttlAfterDays(record.createdAt, ACTION_TTL_DAYS),
});

export const checkpointItem = (projectId: string, integration: Integration, key: string, value: string, updatedAt: string): TableItem => ({
  ...keys.checkpoint(projectId, integration, key),
  entity: 'Checkpoint',
  value,
  updatedAt,
});

export const configItem = (key: string, value: unknown, updatedAt: string): TableItem => ({ ...keys.config(key), entity: 'Config', value, updatedAt });
