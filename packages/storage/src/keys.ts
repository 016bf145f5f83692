/** Every key the table uses is built here, so the layout is readable in one place. */
export const WORK_PARTITION = 'WORK';
export type WorkKind = 'CHANGE' | 'SIGNAL' | 'PROPOSAL' | 'OP';

const pad = (n: number, width = 6): string => String(n).padStart(width, '0');

export const keys = {
  project: (projectId: string) => ({ pk: `PROJECT#${projectId}`, sk: 'METADATA' }),
  artefact: (projectId: string, type: string) => ({ pk: `PROJECT#${projectId}`, sk: `ARTEFACT#${type}` }),
  artefactVersion: (projectId: string, type: string, version: number) => ({
    pk: `PROJECT#${projectId}`,
    sk: `ARTEFACT#${type}#V#${pad(version)}`,
  }),
  jiraIssue: (projectId: string, issueKey: string) => ({ pk: `PROJECT#${projectId}`, sk: `JIRAISSUE#${issueKey}` }),
  signal: (projectId: string, signalId: string) => ({ pk: `PROJECT#${projectId}`, sk: `SIGNAL#${signalId}` }),
  checkpoint: (projectId: string, integration: string, key: string) => ({
    pk: `PROJECT#${projectId}`,
    sk: `CHECKPOINT#${integration}#${key}`,
  }),
  event: (scope: string, at: string, eventId: string) => ({ pk: scope === 'GLOBAL' ? 'GLOBAL' : `PROJECT#${scope}`, sk: `EVENT#${at}#${eventId}` }),
  escalation: (projectId: string, escalationId: string) => ({ pk: `PROJECT#${projectId}`, sk: `ESCALATION#${escalationId}` }),
  action: (projectId: string, actionId: string) => ({ pk: `PROJECT#${projectId}`, sk: `ACTION#${actionId}` }),
  intent: (idempotencyKey: string) => ({ pk: `INTENT#${idempotencyKey}`, sk: 'INTENT' }),
  config: (key: string) => ({ pk: 'CONFIG', sk: key }),
  lease: (name: string) => ({ pk: 'LEASE', sk: name }),
  run: (runId: string) => ({ pk: `RUN#${runId}`, sk: 'RUN' }),
  /** Work in flight between steps. Not tied to a run: what a failed run left is picked up by the next. */
  work: (kind: WorkKind, id: string) => ({ pk: WORK_PARTITION, sk: `${kind}#${id}` }),
  ledger: (day: string, model: string) => ({ pk: `LEDGER#${day}`, sk: `MODEL#${model}` }),
  /** An integration's status and last health check; its credentials live in Secrets Manager, never here. */
  integration: (name: string) => ({ pk: `INTEGRATION#${name}`, sk: 'METADATA' }),
};

/** GSI1 partitions: one per "list by status and time" pattern. */
export const gsi1 = {
  projects: 'PROJECTS',
  eventType: (type: string) => `EVENTTYPE#${type}`,
  escalationStatus: (status: string) => `ESCALATION#${status}`,
  actionStatus: (status: string) => `ACTION#${status}`,
  /** Every IntegrationConfig, by name. */
  integrations: 'INTEGRATIONS',
  /** Paused or archived projects (e.g. imported from the old system): readable by id, but not in `projects`, so the loop does not watch them. */
  inactiveProjects: (status: string) => `PROJECTS#${status}`,
};

/** GSI2 partitions: everything one run wrote. */
export const gsi2 = { run: (runId: string) => `RUN#${runId}` };

export const DAY_SECONDS = 86_400;
export const ttlAfterDays = (fromIso: string, days: number): number => Math.floor(Date.parse(fromIso) / 1000) + days * DAY_SECONDS;
