import { beforeAll, describe, expect, it } from 'vitest';
import { keys, listEventsByType, listGlobalEvents, listProjectEvents, listRunEvents, recordEvent, type Table } from '@agentic-pm/storage';
import { freshTable } from '../support/fresh-table';
import { rawItem, recordCommands, shift, wallClockNow } from './table-probe';

const NOW = wallClockNow();
const daysBefore = (days: number, hour = 0): string => shift(NOW, -days, hour);
/** Read as of here, the 30-day TTL of every event but `fresh` has passed. */
const LATER = shift(NOW, 29, 6);

describe('access patterns: events', () => {
  let table: Table;
  beforeAll(async () => {
    table = await freshTable();
    const base = { summary: 's' };
    await recordEvent(table, { ...base, id: 'a1', projectId: 'atlas', runId: 'run-1', type: 'signal_created', at: daysBefore(2) });
    await recordEvent(table, { ...base, id: 'a2', projectId: 'atlas', runId: 'run-1', type: 'action_executed', at: daysBefore(2, 1) });
    await recordEvent(table, { ...base, id: 'a3', projectId: 'atlas', runId: 'run-2', type: 'signal_created', at: daysBefore(1) });
    await recordEvent(table, { ...base, id: 'b1', projectId: 'borealis', runId: 'run-2', type: 'signal_created', at: daysBefore(1, 2) });
    await recordEvent(table, { ...base, id: 'g1', projectId: null, runId: 'run-2', type: 'run_succeeded', at: daysBefore(1, 3) });
  });

  it("lists a project's events most recent first (PK = PROJECT#id, SK begins EVENT#, descending)", async () => {
    // Act
    const events = await listProjectEvents(table, 'atlas', NOW);

    // Assess
    expect(events.map((e) => e.id)).toEqual(['a3', 'a2', 'a1']);
  });

  it("lists a project's events since a time (SK BETWEEN EVENT#since AND EVENT#\\uffff)", async () => {
    // Act
    const events = await listProjectEvents(table, 'atlas', NOW, daysBefore(2, 1));

    // Assess
    expect(events.map((e) => e.id)).toEqual(['a3', 'a2']);
  });

  it('lists events by type across projects, newest first, with a Query on GSI1 (gsi1pk = EVENTTYPE#type)', async () => {
    // Prepare
    const probe = recordCommands(table);

    // Act
    const events = await listEventsByType(probe.table, 'signal_created', NOW);

    // Assess
    expect(events.map((e) => e.id)).toEqual(['b1', 'a3', 'a1']);
    expect(probe.sent.map((c) => [c.name, c.input.IndexName])).toEqual([['QueryCommand', 'gsi1']]);
  });

  it('narrows events by type to a project, a start time and a count', async () => {
    // Act
    const forAtlas = await listEventsByType(table, 'signal_created', NOW, { projectId: 'atlas' });
    const since = await listEventsByType(table, 'signal_created', NOW, { sinceIso: daysBefore(1) });
    const newest = await listEventsByType(table, 'signal_created', NOW, { limit: 1 });

    // Assess
    expect(forAtlas.map((e) => e.id)).toEqual(['a3', 'a1']);
    expect((await listEventsByType(table, 'run_succeeded', NOW, { projectId: null })).map((e) => e.id)).toEqual(['g1']);
    expect(await listEventsByType(table, 'run_succeeded', NOW, { projectId: 'atlas' })).toEqual([]);
    expect(since.map((e) => e.id)).toEqual(['b1', 'a3']);
    expect(newest.map((e) => e.id)).toEqual(['b1']);
  });

  it('lists the events of one run in order with a Query on GSI2 (gsi2pk = RUN#id)', async () => {
    // Prepare
    const probe = recordCommands(table);

    // Act
    const events = await listRunEvents(probe.table, 'run-2', NOW);

    // Assess
    expect(events.map((e) => e.id)).toEqual(['a3', 'b1', 'g1']);
    expect(probe.sent.map((c) => [c.name, c.input.IndexName])).toEqual([['QueryCommand', 'gsi2']]);
  });

  it('lists global events (run outcomes) most recent first', async () => {
    // Act & Assess
    expect((await listGlobalEvents(table, NOW)).map((e) => e.id)).toEqual(['g1']);
  });

  it('never returns an event whose expiresAt has passed, though DynamoDB has not deleted it yet', async () => {
    // Prepare
    await recordEvent(table, { id: 'fresh', projectId: 'atlas', runId: 'run-1', type: 'signal_created', at: NOW, summary: 's' });
    await recordEvent(table, { id: 'fresh-global', projectId: null, runId: 'run-1', type: 'run_succeeded', at: NOW, summary: 's' });

    // Act
    const reads = [
      await listProjectEvents(table, 'atlas', LATER),
      await listRunEvents(table, 'run-1', LATER),
      await listEventsByType(table, 'signal_created', LATER),
      await listGlobalEvents(table, LATER),
    ];

    // Assess: a1 is past its TTL as of LATER, yet still stored (DynamoDB sweeps up to ~48 h late).
    expect(await rawItem(table, keys.event('atlas', daysBefore(2), 'a1'))).toMatchObject({ id: 'a1' });
    expect(reads.map((events) => events.map((e) => e.id))).toEqual([['fresh'], ['fresh', 'fresh-global'], ['fresh'], ['fresh-global']]);
  });
});
