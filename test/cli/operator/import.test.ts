import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { ValidationError, type Artefact } from '@agentic-pm/domain';
import {
  getArtefact, getCheckpoint, getConfigValue, getProject, getProjectRegisteredAt, listActionsByStatus, listArtefactHistory, listEscalationsByStatus,
  listGlobalEvents, listPendingEscalations, listProjectEvents, listProjects, listRunEvents, moveAction, putArtefactVersion, type Table,
} from '@agentic-pm/storage';
import { importOldExport, planImport } from '../../../packages/cli/src/commands/operator/import/import-old-export';
import { IMPORT_RUN_ID } from '../../../packages/cli/src/commands/operator/import/map-old-export';
import { freshTable } from '../../support/fresh-table';
import { movedOldExport, OLD_EXPORT, readOldExport, writeExport, type ExportJson } from './old-export-fixture';

const ATLAS = '7f3c9a52-1d4e-4b8a-9c61-2e5f80a4b913';
const BOREALIS = 'c2b7e1d0-5a3f-4e92-8f16-9d4a7b2c6e05';
const CYGNUS = '0e9d4c3b-2a1f-4f8e-b7d6-5c4b3a2f1e0d';

/** Whole-table contents, sorted: a Scan is fine in a test, never in the loop. */
const snapshot = async (table: Table): Promise<Array<Record<string, unknown>>> => {
  const items: Array<Record<string, unknown>> = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await table.doc.send(new ScanCommand({ TableName: table.name, ConsistentRead: true, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items.sort((a, b) => `${String(a.pk)} ${String(a.sk)}`.localeCompare(`${String(b.pk)} ${String(b.sk)}`));
};

const validationIssues = async (work: Promise<unknown>): Promise<Array<{ path: string; message: string }>> => {
  const error = await work.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  return [...(error as ValidationError).issues];
};

describe('import from the old system', () => {
  let dir: string;
  let now: string;
  let file: string;
  let sample: ExportJson;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'agentic-pm-import-'));
    // Moved so it was exported half an hour ago: nothing in it is past its TTL by the wall clock
    // except what the sample means to be (DynamoDB Local sweeps by the wall clock).
    now = new Date(Math.floor(Date.now() / 1000) * 1000).toISOString();
    sample = await movedOldExport(new Date(Date.parse(now) - 30 * 60_000).toISOString());
    file = await writeExport(dir, 'old-export.json', sample);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  describe('the sample export', () => {
    let table: Table;
    beforeAll(async () => {
      table = await freshTable();
    });

    it('writes every table and reports what it wrote', async () => {
      // Act
      const report = await importOldExport(table, file, { now });

      // Assess
      expect(report.tables).toEqual({
        projects: { rows: 3, written: 3, kept: 0, skipped: 0 },
        artefacts: { rows: 6, written: 16, kept: 0, skipped: 0 },
        escalations: { rows: 3, written: 3, kept: 0, skipped: 0 },
        events: { rows: 8, written: 7, kept: 0, skipped: 1 },
        agent_actions: { rows: 4, written: 3, kept: 0, skipped: 1 },
        agent_checkpoints: { rows: 3, written: 3, kept: 0, skipped: 0 },
        agent_config: { rows: 4, written: 3, kept: 0, skipped: 1 },
      });
      expect(report.itemsWritten).toBe(38);
      expect(report.notes.join('\n')).toMatch(/events: 1 row\(s\) older than 30 days/);
      expect(report.notes.join('\n')).toMatch(/integration_configs: not imported; credentials belong in Secrets Manager/);
    });

    it('maps projects onto ProjectConfig; the archived one is readable but not watched by the loop', async () => {
      // Act
      const atlas = await getProject(table, ATLAS);
      const watched = await listProjects(table);

      // Assess
      expect(atlas).toEqual({
        id: ATLAS, name: 'Atlas CRM migration', jiraProjectKey: 'ATL', mailbox: 'pm@acme.test', owner: 'lead@acme.test', autonomyLevel: 'act',
        allowedEmailDomains: ['acme.test'], allowedTransitions: ['In Progress', 'Blocked', 'In Review', 'Done'], allowedFields: ['priority', 'labels', 'duedate'], timeZone: 'Europe/London',
      });
      expect((await getProject(table, BOREALIS))?.autonomyLevel).toBe('observe');
      expect((await getProject(table, CYGNUS))?.autonomyLevel).toBe('maintain');
      expect(watched.map((p) => p.id).sort()).toEqual([ATLAS, BOREALIS].sort());
      expect(await getProjectRegisteredAt(table, ATLAS)).toBe(now);
    });

    it('keeps artefact version and previousVersion, with a history item for each version the old system kept', async () => {
      // Act
      const raid = (await getArtefact(table, ATLAS, 'raid_log')) as Artefact<'raid_log'> & { previousVersion: { items: Array<{ status: string }> } };
      const history = await listArtefactHistory(table, ATLAS, 'raid_log');
      const decisions = await listArtefactHistory(table, ATLAS, 'decision_log');

      // Assess
      expect(raid.version).toBe(3);
      expect(raid.content.items.map((i) => i.status)).toEqual(['open', 'open', 'closed']);
      expect(raid.previousVersion.items.map((i) => i.status)).toEqual(['open', 'open', 'open']);
      expect(raid.content.items[1]?.sourceSignals).toEqual([]);
      expect(history.map((a) => a.version)).toEqual([2, 3]);
      expect(decisions.map((a) => a.version)).toEqual([1]);
      expect((await getArtefact(table, ATLAS, 'backlog_summary'))?.version).toBe(212);
    });

    it('keeps pending escalations pending, and marks ones the old system decided as applied, with the decision', async () => {
      // Act
      const pending = await listPendingEscalations(table);
      const applied = await listEscalationsByStatus(table, 'applied');

      // Assess
      expect(pending.map((e) => [e.id, e.recommendation, e.options[1]])).toEqual([['5b2e8d41-7c3a-4f9e-a6b0-1d2c3e4f5a60', 1, 'Move one week: pilot on 2026-03-20']]);
      const decided = applied.find((e) => e.id === '3a7e9c10-2b4d-4e6f-8a1c-9d0e1f2a3b45');
      expect(decided?.decision).toMatchObject({ option: 1, decidedBy: 'lead@acme.test', notes: 'Agreed with sales ops on the call.' });
      expect(decided?.context).toContain('"volume":182000');
      expect(applied).toHaveLength(2);
    });

    it('gives events their 30-day TTL and the import run id, and skips those already past it', async () => {
      // Act
      const atlas = await listProjectEvents(table, ATLAS, now);
      const global = await listGlobalEvents(table, now);
      const ofImport = await listRunEvents(table, IMPORT_RUN_ID, now);

      // Assess
      expect(atlas.map((e) => e.type)).toEqual(['escalation_created', 'action_executed', 'artefact_updated', 'signal_created']);
      expect(atlas[0]).toMatchObject({ runId: IMPORT_RUN_ID, severity: 'warning' });
      expect(global.map((e) => e.type)).toEqual(['agent_cycle_completed', 'agent_error']);
      expect(ofImport).toHaveLength(7);
      const expiresAt = (atlas[3] as unknown as { expiresAt: number }).expiresAt;
      expect(expiresAt).toBe(Math.floor(Date.parse(atlas[3]!.at) / 1000) + 30 * 86_400);
    });

    it('puts a held action in the hold queue with unknown provenance, so the gate escalates rather than runs it', async () => {
      // Act
      const held = await listActionsByStatus(table, 'PENDING', now);
      const done = await listActionsByStatus(table, 'DONE', now);
      const blocked = await listActionsByStatus(table, 'BLOCKED', now);

      // Assess
      expect(held).toHaveLength(1);
      expect(held[0]).toMatchObject({
        status: 'PENDING', runId: IMPORT_RUN_ID,
        action: { payload: { type: 'send_email', to: ['director@acme.test'] }, confidence: 0.84, provenance: { trust: 'external' } },
      });
      expect(held[0]?.executeAfter).toBe(new Date(Date.parse(now) - 15 * 60_000).toISOString());
      expect(done.map((a) => a.action.payload.type)).toEqual(['jira_comment']);
      expect(blocked.map((a) => a.action.payload)).toEqual([{ type: 'jira_transition', issueKey: 'BOR-7', toStatus: 'Blocked' }]);
      expect((held[0] as unknown as { expiresAt: number }).expiresAt).toBe(Math.floor(Date.parse(held[0]!.createdAt) / 1000) + 90 * 86_400);
    });

    it('imports checkpoints and config values, but not the config keys the new loop owns', async () => {
      // Act & Assess
      expect(await getCheckpoint(table, ATLAS, 'jira', 'updated')).toBe('1772387112345');
      expect(await getCheckpoint(table, BOREALIS, 'jira', 'updated')).toBe('1772380920000');
      expect(await getCheckpoint(table, ATLAS, 'outlook', 'deltaLink')).toMatch(/deltatoken=/);
      expect(await getConfigValue(table, 'digest')).toEqual({ hour: 17, timeZone: 'Europe/London', enabled: true });
      expect(await getConfigValue(table, 'agent_paused')).toBe(false);
      expect(await getConfigValue(table, 'heartbeat')).toBeUndefined();
    });

    it('changes nothing when run a second time: the same table contents, everything reported as kept', async () => {
      // Prepare
      const before = await snapshot(table);

      // Act
      const report = await importOldExport(table, file, { now: new Date(Date.parse(now) + 60_000).toISOString() });

      // Assess
      expect(await snapshot(table)).toEqual(before);
      expect(report.itemsWritten).toBe(0);
      expect(report.tables.artefacts).toEqual({ rows: 6, written: 0, kept: 16, skipped: 0 });
    });
  });

  describe('against state the new system has moved on', () => {
    let table: Table;
    beforeAll(async () => {
      table = await freshTable();
      await importOldExport(table, file, { now });
    });

    it('does not reset a held action the hold queue has since run', async () => {
      // Prepare
      const [held] = await listActionsByStatus(table, 'PENDING', now);
      await moveAction(table, held!, 'PENDING', 'DONE', { result: 'ran', executedAt: now });

      // Act
      await importOldExport(table, file, { now });

      // Assess
      expect(await listActionsByStatus(table, 'PENDING', now)).toEqual([]);
    });

    it('keeps an artefact the loop has since moved to a later version', async () => {
      // Prepare
      const current = (await getArtefact(table, ATLAS, 'decision_log'))!;
      await putArtefactVersion(table, { ...current, version: 2, changeSummary: 'added D-002', content: { entries: [...current.content.entries, { ...current.content.entries[0]!, id: 'D-002' }] } }, 1, current.content);

      // Act
      const report = await importOldExport(table, file, { now });

      // Assess
      expect(report.itemsWritten).toBe(0);
      expect((await getArtefact(table, ATLAS, 'decision_log'))?.version).toBe(2);
    });
  });

  describe('bad input', () => {
    let table: Table;
    beforeAll(async () => {
      table = await freshTable();
    });

    const importWith = async (name: string, change: (data: ExportJson) => void): Promise<Array<{ path: string; message: string }>> => {
      const data = structuredClone(sample);
      change(data);
      return validationIssues(importOldExport(table, await writeExport(dir, name, data), { now }));
    };

    it('names the table, the row and the field of every bad row, and writes nothing', async () => {
      // Act
      const issues = await importWith('bad-rows.json', (data) => {
        data.agent_actions[1]!.confidence = 1.7;
        delete data.events[2]!.created_at;
        // Its artefacts, events and checkpoints are not then "of an unknown project".
        data.projects[1]!.status = 'deleted';
        (data.artefacts[0]!.content as { items: Array<Record<string, unknown>> }).items[1]!.severity = 'catastrophic';
      });

      // Assess
      expect(issues.map((i) => i.path)).toEqual(['$.projects[1].status', '$.artefacts[0].content.items[1].severity', '$.events[2].created_at', '$.agent_actions[1].confidence']);
      expect(issues.find((i) => i.path === '$.agent_actions[1].confidence')?.message).toMatch(/<=1.*row id "7b6c5d4e-3f2a-4b1c-8d9e-0f1a2b3c4d32"/);
      expect(await snapshot(table)).toEqual([]);
    });

    it('says why a project cannot be mapped onto the new project config', async () => {
      // Act
      const issues = await importWith('bad-project.json', (data) => {
        data.projects[0]!.autonomy_level = 'yolo';
        delete (data.projects[1]!.config as Record<string, unknown>).ownerEmail;
        data.projects[2]!.source = 'asana';
      });

      // Assess
      expect(issues).toEqual([
        { path: '$.projects[0].autonomy_level', message: expect.stringMatching(/^"yolo" cannot be mapped: expected observe, maintain or act/) },
        { path: '$.projects[1].config.ownerEmail', message: expect.stringMatching(/needed for the new project config.*row id "c2b7e1d0/) },
        { path: '$.projects[2].source', message: expect.stringMatching(/^source "asana" cannot be mapped: the agent reads Jira only/) },
      ]);
      expect(await snapshot(table)).toEqual([]);
    });

    it('refuses rows of an unknown project, duplicate rows and unmappable actions', async () => {
      // Act
      const issues = await importWith('bad-references.json', (data) => {
        data.escalations[2]!.project_id = 'no-such-project';
        data.events.push({ ...data.events[0]! });
        data.agent_actions[0]!.action_type = 'teleport';
        (data.agent_actions[2]!.detail as Record<string, unknown>).issueKey = undefined;
        data.escalations[0]!.agent_recommendation = 'Something else';
      });

      // Assess
      expect(issues.map((i) => i.path)).toEqual([
        '$.escalations[0].agent_recommendation',
        '$.escalations[2].project_id',
        '$.events[8].id',
        '$.agent_actions[0].action_type',
        '$.agent_actions[2].detail.issueKey',
      ]);
      expect(issues[1]?.message).toMatch(/unknown project "no-such-project"/);
      expect(issues[2]?.message).toMatch(/duplicates row 0/);
      expect(await snapshot(table)).toEqual([]);
    });

    it('reports a version conflict with an artefact already in the table, and writes nothing', async () => {
      // Prepare: the table already holds a different raid_log v3 for Atlas.
      const theirs = (await readOldExport()).artefacts[0]!;
      const other: Artefact<'raid_log'> = { projectId: ATLAS, type: 'raid_log', version: 1, updatedAt: now, changeSummary: 'made here', content: { items: [] } };
      await putArtefactVersion(table, other, 0, undefined);
      expect(theirs.version).toBe(3);

      // Act
      const issues = await validationIssues(importOldExport(table, file, { now }));

      // Assess
      expect(issues).toEqual([{ path: '$.artefacts[0]', message: expect.stringMatching(/already holds raid_log v1 for project 7f3c9a52.*not the imported v3.*nothing was written/) }]);
      expect((await snapshot(table)).map((i) => i.entity)).toEqual(['Artefact', 'ArtefactVersion']);
    });

    it('rejects a file that is not JSON, or not an export, before reading any table', async () => {
      // Prepare
      const broken = join(dir, 'broken.json');
      await writeFile(broken, '{ "projects": [', 'utf8');
      const partial = await writeExport(dir, 'partial.json', { projects: [] });

      // Act
      const notJson = await validationIssues(planImport(broken, now));
      const notExport = await validationIssues(planImport(partial, now));

      // Assess
      expect(notJson).toEqual([{ path: '$', message: expect.stringMatching(/^not valid JSON/) }]);
      expect(notExport.map((i) => i.path)).toEqual(['$.artefacts', '$.escalations', '$.events', '$.agent_actions', '$.agent_checkpoints', '$.agent_config']);
    });

    it('validates the sample as shipped', async () => {
      // Act
      const plan = await planImport(OLD_EXPORT, '2026-03-01T18:30:00.000Z');

      // Assess
      expect(plan.writes).toHaveLength(38);
    });
  });
});
