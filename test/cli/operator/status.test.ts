import { beforeAll, describe, expect, it } from 'vitest';
import type { Escalation } from '@agentic-pm/domain';
import {
  acquireLease, addToLedger, finishRunRecord, putAction, putConfigValue, putEscalation, putRun, releaseLease, type AgentActionRecord, type Table,
} from '@agentic-pm/storage';
import { collectStatus, formatStatus } from '../../../packages/cli/src/commands/operator/status-view';
import { freshTable } from '../../support/fresh-table';

const NOW = new Date(Math.floor(Date.now() / 1000) * 1000).toISOString();
const at = (minutes: number): string => new Date(Date.parse(NOW) + minutes * 60_000).toISOString();
const settings = { dailyBudgetUsd: 0.1 };

const held = (id: string): AgentActionRecord => ({
  id, projectId: 'atlas', runId: 'run-1', status: 'PENDING', createdAt: at(-10), executeAfter: at(20),
  decision: { outcome: 'hold', reason: 'wait', executeAfter: at(20) },
  action: { id, projectId: 'atlas', payload: { type: 'send_email', to: ['a@acme.test'], subject: 'Weekly', body: 'b' }, confidence: 0.9, rationale: 'r', provenance: { trust: 'internal', injectionSuspected: false, signalIds: [] } },
});
const escalation: Escalation = {
  id: 'esc-1', projectId: 'atlas', status: 'pending', createdAt: at(-30), signalIds: [], title: 'Extend the licence?', context: 'c', options: ['yes', 'no'], recommendation: 0, rationale: 'r',
};

describe('status view', () => {
  let table: Table;
  beforeAll(async () => {
    table = await freshTable();
  });

  it('shows an empty table plainly', async () => {
    // Act
    const view = await collectStatus(table, { asOf: NOW, wallClock: NOW, settings });

    // Assess
    expect(view).toMatchObject({ lease: { state: 'never-taken' }, escalations: [], held: [], spend: { costUsd: 0, degradation: 'none' } });
    expect(view.lastRun).toBeUndefined();
    expect(formatStatus(view, 'DIR').slice(1, 4)).toEqual(['Last run      none yet', 'Lease         never taken (no run yet)', 'Heartbeat     none yet']);
  });

  it('shows the last run and its outcome, the lease, heartbeat age, spend against budget, escalations and held actions', async () => {
    // Prepare: one finished run, a second one holding the lease now.
    await putRun(table, { runId: 'run-1', time: at(-15), status: 'RUNNING', leaseVersion: 1 });
    await finishRunRecord(table, 'run-1', { status: 'FAILED', finishedAt: at(-14), error: { error: 'LeaseLostError', cause: 'lease taken over' } });
    await acquireLease(table, 'run-2', at(-1), 840);
    await putConfigValue(table, 'heartbeat', { runId: 'run-2', time: at(-1) }, at(-1));
    await addToLedger(table, at(-5), { model: 'haiku', inputTokens: 1000, outputTokens: 100, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: 0.04 });
    await addToLedger(table, at(-4), { model: 'sonnet', inputTokens: 2000, outputTokens: 300, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: 0.08 });
    await putEscalation(table, escalation);
    await putAction(table, held('act-1'));

    // Act
    const view = await collectStatus(table, { asOf: NOW, wallClock: at(2), settings });
    const lines = formatStatus(view, 'DIR');

    // Assess
    expect(view.lastRun).toMatchObject({ runId: 'run-1', status: 'FAILED' });
    expect(view.lease).toMatchObject({ state: 'held', holder: 'run-2', version: 1 });
    expect(view.heartbeat).toEqual({ runId: 'run-2', time: at(-1), ageMs: 180_000 });
    expect(view.spend.costUsd).toBeCloseTo(0.12, 10);
    expect(view.spend.degradation).toBe('reasoning-off');
    expect(view.escalations.map((e) => e.id)).toEqual(['esc-1']);
    expect(view.held.map((a) => a.id)).toEqual(['act-1']);
    const text = lines.join('\n');
    expect(text).toContain('Last run      run-1: FAILED');
    expect(text).toContain('  error: LeaseLostError: lease taken over');
    expect(text).toMatch(/Lease {9}held by run-2, version 1, expires .* \(in 13m\)/);
    expect(text).toMatch(/Heartbeat {5}.* by run-2, 3m old by the wall clock/);
    expect(text).toMatch(/LLM spend {5}\$0\.1200 of \$0\.1000 on \d{4}-\d\d-\d\d \(120%\); at the budget: Sonnet is off/);
    expect(text).toContain('Escalations   1 pending');
    expect(text).toContain('  esc-1 [atlas] Extend the licence?');
    expect(text).toContain('Held actions  1 held');
    expect(text).toMatch(/ {2}act-1 \[atlas\] .*Weekly.*, runs after /);
  });

  it('tells a lease left by a crashed run from a free one', async () => {
    // Act
    const expired = await collectStatus(table, { asOf: at(30), wallClock: at(30), settings });
    await releaseLease(table, 'run-2');
    const free = await collectStatus(table, { asOf: at(30), wallClock: at(30), settings });

    // Assess
    expect(expired.lease).toMatchObject({ state: 'expired', holder: 'run-2' });
    expect(formatStatus(expired, 'DIR').join('\n')).toContain('a crashed run; the next run takes it over');
    expect(free.lease).toEqual({ state: 'free', version: 1 });
  });
});
