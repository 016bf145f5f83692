import { beforeAll, describe, expect, it } from 'vitest';
import type { Signal } from '@agentic-pm/domain';
import { existingSignalIds, listRunSignals, putSignalOnce, type Table } from '@agentic-pm/storage';
import { freshTable } from '../support/fresh-table';

const signal = (id: string, runId: string): Signal => ({
  id, projectId: 'atlas', source: 'jira', dedupeKey: id.slice(5), occurredAt: '2026-03-02T08:05:00.000Z', actor: 'Priya', trust: 'internal',
  issueKey: 'ATL-1', title: 'ATL-1: Cutover', text: 'status: In Progress -> Blocked', runId,
});

describe('signals', () => {
  let table: Table;
  beforeAll(async () => {
    table = await freshTable();
  });

  it('stores a signal once by its dedupe key', async () => {
    // Act
    const first = await putSignalOnce(table, signal('jira:10001:1', 'run-1'));
    const replay = await putSignalOnce(table, signal('jira:10001:1', 'run-2'));

    // Assess
    expect(first).toBe('created');
    expect(replay).toBe('duplicate');
    expect((await listRunSignals(table, 'run-2')).length).toBe(0);
  });

  it('treats a retry of the same run as its own signal, not a duplicate', async () => {
    // Prepare
    await putSignalOnce(table, signal('jira:10001:2', 'run-3'));

    // Act
    const retry = await putSignalOnce(table, signal('jira:10001:2', 'run-3'));

    // Assess
    expect(retry).toBe('created');
    expect((await listRunSignals(table, 'run-3')).map((s) => s.id)).toEqual(['jira:10001:2']);
  });

  it('finds which signal ids already exist', async () => {
    // Act
    const found = await existingSignalIds(table, 'atlas', ['jira:10001:1', 'jira:10001:999']);

    // Assess
    expect([...found]).toEqual(['jira:10001:1']);
  });
});
