import { beforeAll, describe, expect, it } from 'vitest';
import { keys, listActionsByStatus, listDueHeldActions, putAction, type ActionStatus, type AgentActionRecord, type Table } from '@agentic-pm/storage';
import { freshTable } from '../support/fresh-table';
import { rawItem, recordCommands, shift, wallClockNow } from './table-probe';

const NOW = wallClockNow();

const record = (id: string, status: ActionStatus, createdAt: string, executeAfter?: string): AgentActionRecord => ({
  id, projectId: 'atlas', runId: 'run-1', status, createdAt, ...(executeAfter ? { executeAfter } : {}),
  decision: executeAfter ? { outcome: 'hold', reason: 'wait', executeAfter } : { outcome: 'execute', reason: 'ok' },
  action: { id, projectId: 'atlas', payload: { type: 'jira_comment', issueKey: 'ATL-1', body: 'hi' }, confidence: 0.9, rationale: 'r', provenance: { trust: 'internal', injectionSuspected: false, signalIds: [] } },
});

describe('access patterns: agent actions', () => {
  let table: Table;
  beforeAll(async () => {
    table = await freshTable();
    await putAction(table, record('held-due', 'PENDING', shift(NOW, 0, -1), shift(NOW, 0, -0.5)));
    await putAction(table, record('held-later', 'PENDING', shift(NOW, 0, -0.2), shift(NOW, 0, 0.3)));
    await putAction(table, record('done', 'DONE', shift(NOW, 0, -2)));
    // Created a day earlier: as of 89 days from now its 90-day TTL has passed, the others' not.
    await putAction(table, record('held-old', 'PENDING', shift(NOW, -1), shift(NOW, -1, 0.5)));
  });

  it('gets unexecuted (held) actions with a Query on GSI1 (gsi1pk = ACTION#PENDING), soonest due first', async () => {
    // Prepare
    const probe = recordCommands(table);

    // Act
    const held = await listActionsByStatus(probe.table, 'PENDING', NOW);

    // Assess
    expect(held.map((a) => a.id)).toEqual(['held-old', 'held-due', 'held-later']);
    expect(probe.sent.map((c) => [c.name, c.input.IndexName])).toEqual([['QueryCommand', 'gsi1']]);
  });

  it('gets held actions due by a time (gsi1sk <= now)', async () => {
    // Act & Assess
    expect((await listDueHeldActions(table, NOW)).map((a) => a.id)).toEqual(['held-old', 'held-due']);
    expect((await listDueHeldActions(table, shift(NOW, 0, 1))).map((a) => a.id)).toEqual(['held-old', 'held-due', 'held-later']);
  });

  it('lists actions in other states from their own partition', async () => {
    // Act & Assess
    expect((await listActionsByStatus(table, 'DONE', NOW)).map((a) => a.id)).toEqual(['done']);
  });

  it('never returns an action whose expiresAt has passed, so an expired held action is never run', async () => {
    // Prepare
    const later = shift(NOW, 89, 1);

    // Act
    const due = await listDueHeldActions(table, later);
    const held = await listActionsByStatus(table, 'PENDING', later);

    // Assess: still stored (DynamoDB sweeps up to ~48 h late), but no read returns it.
    expect(await rawItem(table, keys.action('atlas', 'held-old'))).toMatchObject({ id: 'held-old' });
    expect(due.map((a) => a.id)).toEqual(['held-due', 'held-later']);
    expect(held.map((a) => a.id)).toEqual(['held-due', 'held-later']);
  });
});
