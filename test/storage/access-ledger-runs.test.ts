import { beforeAll, describe, expect, it } from 'vitest';
import { addToLedger, dayOf, finishRunRecord, getLedger, listRecentRuns, putRun, totalCost, type Table } from '@agentic-pm/storage';
import { freshTable } from '../support/fresh-table';

const usage = (model: string, costUsd: number) => ({ model, inputTokens: 1000, outputTokens: 100, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd });

describe("access patterns: today's ledger and recent runs", () => {
  let table: Table;
  beforeAll(async () => {
    table = await freshTable();
  });

  it("gets today's ledger, one item per model (PK = LEDGER#day, SK begins MODEL#), and no other day's", async () => {
    // Prepare
    await addToLedger(table, '2026-03-01T23:59:00.000Z', usage('haiku', 0.5));
    await addToLedger(table, '2026-03-02T08:00:00.000Z', usage('haiku', 0.01));
    await addToLedger(table, '2026-03-02T09:00:00.000Z', usage('sonnet', 0.05));
    await addToLedger(table, '2026-03-02T10:00:00.000Z', usage('sonnet', 0.05));

    // Act
    const today = await getLedger(table, dayOf('2026-03-02T12:00:00.000Z'), '2026-03-02T12:00:00.000Z');

    // Assess
    expect(today.map((e) => [e.model, e.calls])).toEqual([['haiku', 1], ['sonnet', 2]]);
    expect(totalCost(today)).toBeCloseTo(0.11, 10);
  });

  it('lists recent runs newest first with a Query on GSI1 (gsi1pk = RUNS), with their outcome', async () => {
    // Prepare
    for (const [i, status] of (['SUCCEEDED', 'FAILED', 'SKIPPED'] as const).entries()) {
      const time = `2026-03-02T${String(8 + i).padStart(2, '0')}:00:00.000Z`;
      await putRun(table, { runId: `run-${i}`, time, status: 'RUNNING' });
      await finishRunRecord(table, `run-${i}`, { status, finishedAt: time, ...(status === 'FAILED' ? { error: { error: 'Boom', cause: 'x' } } : {}) });
    }

    // Act
    const runs = await listRecentRuns(table, 2, '2026-03-02T12:00:00.000Z');

    // Assess
    expect(runs.map((r) => [r.runId, r.status])).toEqual([['run-2', 'SKIPPED'], ['run-1', 'FAILED']]);
    expect(runs[1]?.error).toEqual({ error: 'Boom', cause: 'x' });
  });
});
