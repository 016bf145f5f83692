import { beforeAll, describe, expect, it } from 'vitest';
import type { Signal } from '@agentic-pm/domain';
import {
  closeSignal, countSignalsByStage, countWork, deleteStagedChange, existingSignalIds, listSignalsInFlight, listStagedChanges, moveSignal, putSignalOnce, stageChange, type Table,
} from '@agentic-pm/storage';
import { freshTable } from '../support/fresh-table';

const NOW = '2026-03-02T08:05:00.000Z';

const signal = (id: string, runId: string): Signal => ({
  id, projectId: 'atlas', source: 'jira', dedupeKey: id.slice(5), occurredAt: '2026-03-02T08:05:00.000Z', actor: 'Priya', trust: 'internal',
  issueKey: 'ATL-1', title: 'ATL-1: Cutover', text: 'status: In Progress -> Blocked', runId,
});

describe('signals and the work partition', () => {
  let table: Table;
  beforeAll(async () => {
    table = await freshTable();
  });

  it('stages a change once, however often it is seen', async () => {
    // Prepare
    const change = { projectId: 'atlas', source: 'jira' as const, dedupeKey: '10001:1', payload: { any: 'thing' } };

    // Act
    await stageChange(table, change, '2026-03-02T08:00:00Z');
    await stageChange(table, change, '2026-03-02T08:15:00Z');

    // Assess
    expect(await countWork(table, NOW, 'CHANGE#jira#')).toBe(1);
    expect((await listStagedChanges(table, NOW)).map((c) => c.dedupeKey)).toEqual(['10001:1']);
    await deleteStagedChange(table, change);
    expect(await countWork(table, NOW, 'CHANGE#')).toBe(0);
  });

  it('stores a signal once by its dedupe key, in the pipeline at its stage', async () => {
    // Act
    const first = await putSignalOnce(table, signal('jira:10001:1', 'run-1'), 'triage');
    const replay = await putSignalOnce(table, signal('jira:10001:1', 'run-2'), 'triage');

    // Assess
    expect([first, replay]).toEqual(['created', 'duplicate']);
    expect((await listSignalsInFlight(table, NOW, 'triage')).map((s) => s.id)).toEqual(['jira:10001:1']);
  });

  it('moves a signal through the stages and closes it', async () => {
    // Act
    await moveSignal(table, { projectId: 'atlas', id: 'jira:10001:1' }, 'reason');
    const atReason = await countSignalsByStage(table, NOW);
    await closeSignal(table, { projectId: 'atlas', id: 'jira:10001:1' });

    // Assess
    expect(atReason).toEqual({ triage: 0, reason: 1, artefacts: 0, deferred: 0 });
    expect(await listSignalsInFlight(table, NOW)).toEqual([]);
    expect([...(await existingSignalIds(table, 'atlas', ['jira:10001:1', 'jira:10001:999'], NOW))]).toEqual(['jira:10001:1']);
  });
});

describe('expired work and signals', () => {
  it('are not returned once expiresAt has passed, even while DynamoDB has not deleted them yet', async () => {
    // Prepare
    const table = await freshTable();
    await stageChange(table, { projectId: 'atlas', source: 'outlook', dedupeKey: 'm1', payload: {} }, NOW);
    await putSignalOnce(table, signal('jira:20001:1', 'run-9'), 'triage');
    const muchLater = '2026-09-01T00:00:00.000Z';

    // Act & Assess
    expect(await countWork(table, NOW)).toBe(2);
    expect(await countWork(table, muchLater)).toBe(0);
    expect(await listStagedChanges(table, muchLater)).toEqual([]);
    expect(await listSignalsInFlight(table, muchLater)).toEqual([]);
    expect([...(await existingSignalIds(table, 'atlas', ['jira:20001:1'], muchLater))]).toEqual([]);
    // Still there for the conditional write: a replay of the same change stays a duplicate.
    expect(await putSignalOnce(table, signal('jira:20001:1', 'run-10'), 'triage')).toBe('duplicate');
  });
});
