import { beforeAll, describe, expect, it } from 'vitest';
import { addToLedger, getLedger, listDueHeldActions, moveAction, putAction, type AgentActionRecord, type Table } from '@agentic-pm/storage';
import { freshTable } from '../support/fresh-table';

const held = (id: string, executeAfter: string): AgentActionRecord => ({
  id, projectId: 'atlas', runId: 'run-1', status: 'PENDING', createdAt: '2026-03-02T08:00:00.000Z', executeAfter,
  decision: { outcome: 'hold', reason: 'wait', executeAfter },
  action: { id, projectId: 'atlas', payload: { type: 'jira_comment', issueKey: 'ATL-1', body: 'hi' }, confidence: 0.9, rationale: 'r', provenance: { trust: 'internal', injectionSuspected: false, signalIds: [] } },
});

describe('held actions and the ledger', () => {
  let table: Table;
  beforeAll(async () => {
    table = await freshTable();
  });

  it('lists only held actions that have come due', async () => {
    // Prepare
    await putAction(table, held('due', '2026-03-02T08:30:00.000Z'));
    await putAction(table, held('later', '2026-03-02T09:30:00.000Z'));

    // Act
    const due = await listDueHeldActions(table, '2026-03-02T08:45:00.000Z');

    // Assess
    expect(due.map((a) => a.id)).toEqual(['due']);
  });

  it('moves state only from the expected state', async () => {
    // Act
    const first = await moveAction(table, held('due', '2026-03-02T08:30:00.000Z'), 'PENDING', 'EXECUTING');
    const second = await moveAction(table, held('due', '2026-03-02T08:30:00.000Z'), 'PENDING', 'EXECUTING');

    // Assess
    expect([first, second]).toEqual([true, false]);
    expect((await listDueHeldActions(table, '2026-03-02T10:00:00.000Z')).map((a) => a.id)).toEqual(['later']);
  });

  it('adds usage to the day ledger atomically', async () => {
    // Act
    const usage = { model: 'haiku', inputTokens: 1000, outputTokens: 200, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: 0.002 };
    await Promise.all([addToLedger(table, '2026-03-02T08:00:00Z', usage), addToLedger(table, '2026-03-02T09:00:00Z', usage)]);

    // Assess
    const [entry] = await getLedger(table, '2026-03-02', '2026-03-02T12:00:00Z');
    expect(entry).toMatchObject({ calls: 2, inputTokens: 2000, outputTokens: 400 });
    expect(entry?.costUsd).toBeCloseTo(0.004, 10);
  });
});
