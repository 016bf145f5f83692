import { beforeEach, describe, expect, it } from 'vitest';
import { acquireLease, readLease, releaseLease, type Table } from '@agentic-pm/storage';
import { freshTable } from '../support/fresh-table';

describe('run lease', () => {
  let table: Table;
  beforeEach(async () => {
    table = await freshTable();
  });

  it('lets one run in and keeps a second out while it is held', async () => {
    // Act
    const first = await acquireLease(table, 'run-a', '2026-03-02T08:00:00Z', 600);
    const second = await acquireLease(table, 'run-b', '2026-03-02T08:01:00Z', 600);

    // Assess
    expect(first.acquired).toBe(true);
    expect(second).toEqual({ acquired: false, heldBy: 'run-a', expiresAt: expect.any(Number) });
  });

  it('is re-entrant for the same run, so a retried Heartbeat succeeds', async () => {
    // Prepare
    await acquireLease(table, 'run-a', '2026-03-02T08:00:00Z', 600);

    // Act
    const again = await acquireLease(table, 'run-a', '2026-03-02T08:00:05Z', 600);

    // Assess
    expect(again.acquired && again.lease.version).toBe(1);
  });

  it('is taken over after it expires, with a higher fencing version', async () => {
    // Prepare
    await acquireLease(table, 'crashed', '2026-03-02T08:00:00Z', 600);

    // Act
    const takeover = await acquireLease(table, 'run-b', '2026-03-02T08:11:00Z', 600);

    // Assess
    expect(takeover.acquired && takeover.lease.version).toBe(2);
    expect((await readLease(table))?.holder).toBe('run-b');
  });

  it('is released only by its holder', async () => {
    // Prepare
    await acquireLease(table, 'run-a', '2026-03-02T08:00:00Z', 600);

    // Act
    const byOther = await releaseLease(table, 'run-b');
    const byHolder = await releaseLease(table, 'run-a');

    // Assess
    expect(byOther).toBe(false);
    expect(byHolder).toBe(true);
    expect((await readLease(table))?.holder).toBeUndefined();
  });

  it('keeps the fencing version growing across release and re-acquire', async () => {
    // Prepare
    await acquireLease(table, 'run-a', '2026-03-02T08:00:00Z', 600);
    await releaseLease(table, 'run-a');

    // Act
    const next = await acquireLease(table, 'run-b', '2026-03-02T08:15:00Z', 600);

    // Assess
    expect(next.acquired && next.lease.version).toBe(2);
  });
});
