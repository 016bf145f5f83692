import { beforeAll, describe, expect, it } from 'vitest';
import { listActionsByStatus, listDueHeldActions, putAction, type ActionStatus, type AgentActionRecord, type Table } from '@agentic-pm/storage';
import { freshTable } from '../support/fresh-table';
import { recordCommands } from './table-probe';

const NOW = '2026-06-10T12:00:00.000Z';

const record = (id: string, status: ActionStatus, createdAt: string, executeAfter?: string): AgentActionRecord => ({
  id, projectId: 'atlas', runId: 'run-1', status, createdAt, ...(executeAfter ? { executeAfter } : {}),
  decision: executeAfter ? { outcome: 'hold', reason: 'wait', executeAfter } : { outcome: 'execute', reason: 'ok' },
  action: { id, projectId: 'atlas', payload: { type: 'jira_comment', issueKey: 'ATL-1', body: 'hi' }, confidence: 0.9, rationale: 'r', provenance: { trust: 'internal', injectionSuspected: false, signalIds: [] } },
});

describe('access patterns: agent actions', () => {
  let table: Table;
  beforeAll(async () => {
    table = await freshTable();
    await putAction(table, record('held-due', 'PENDING', '2026-06-10T11:00:00.000Z', '2026-06-10T11:30:00.000Z'));
    await putAction(table, record('held-later', 'PENDING', '2026-06-10T11:50:00.000Z', '2026-06-10T12:20:00.000Z'));
    await putAction(table, record('done', 'DONE', '2026-06-10T10:00:00.000Z'));
    // Held, due, and past its 90-day TTL but not yet swept by DynamoDB.
    await putAction(table, record('held-expired', 'PENDING', '2026-03-01T11:00:00.000Z', '2026-03-01T11:30:00.000Z'));
  });

  it('gets unexecuted (held) actions with a Query on GSI1 (gsi1pk = ACTION#PENDING), soonest due first', async () => {
    // Prepare
    const probe = recordCommands(table);

    // Act
    const held = await listActionsByStatus(probe.table, 'PENDING', NOW);

    // Assess
    expect(held.map((a) => a.id)).toEqual(['held-due', 'held-later']);
    expect(probe.sent.map((c) => [c.name, c.input.IndexName])).toEqual([['QueryCommand', 'gsi1']]);
  });

  it('gets held actions due by a time (gsi1sk <= now)', async () => {
    // Act & Assess
    expect((await listDueHeldActions(table, NOW)).map((a) => a.id)).toEqual(['held-due']);
    expect((await listDueHeldActions(table, '2026-06-10T12:30:00.000Z')).map((a) => a.id)).toEqual(['held-due', 'held-later']);
  });

  it('lists actions in other states from their own partition', async () => {
    // Act & Assess
    expect((await listActionsByStatus(table, 'DONE', NOW)).map((a) => a.id)).toEqual(['done']);
  });

  it('never returns an action whose expiresAt has passed, so an expired held action is never run', async () => {
    // Act
    const asOfThen = await listDueHeldActions(table, '2026-03-02T00:00:00.000Z');

    // Assess
    expect(asOfThen.map((a) => a.id)).toEqual(['held-expired']);
    expect((await listDueHeldActions(table, NOW)).map((a) => a.id)).not.toContain('held-expired');
    expect((await listActionsByStatus(table, 'PENDING', NOW)).map((a) => a.id)).not.toContain('held-expired');
  });
});
