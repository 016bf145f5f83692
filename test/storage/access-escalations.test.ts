import { beforeAll, describe, expect, it } from 'vitest';
import type { Escalation } from '@agentic-pm/domain';
import { listPendingEscalations, putEscalation, type Table } from '@agentic-pm/storage';
import { freshTable } from '../support/fresh-table';
import { recordCommands } from './table-probe';

const escalation = (id: string, projectId: string, createdAt: string, status: Escalation['status'] = 'pending'): Escalation => ({
  id, projectId, status, createdAt, signalIds: [], title: `t-${id}`, context: 'c', options: ['yes', 'no'], recommendation: 0, rationale: 'r',
});

describe('access patterns: escalations', () => {
  let table: Table;
  beforeAll(async () => {
    table = await freshTable();
    await putEscalation(table, escalation('e1', 'atlas', '2026-03-02T08:00:00.000Z'));
    await putEscalation(table, escalation('e2', 'borealis', '2026-03-02T09:00:00.000Z'));
    await putEscalation(table, escalation('e3', 'atlas', '2026-03-02T10:00:00.000Z', 'decided'));
    await putEscalation(table, escalation('e4', 'atlas', '2026-03-02T11:00:00.000Z'));
  });

  it('gets pending escalations across projects, newest first, with a Query on GSI1 (gsi1pk = ESCALATION#pending)', async () => {
    // Prepare
    const probe = recordCommands(table);

    // Act
    const pending = await listPendingEscalations(probe.table);

    // Assess
    expect(pending.map((e) => e.id)).toEqual(['e4', 'e2', 'e1']);
    expect(probe.sent.map((c) => [c.name, c.input.IndexName])).toEqual([['QueryCommand', 'gsi1']]);
  });

  it('stores an escalation once: a retried step does not overwrite it', async () => {
    // Act
    const again = await putEscalation(table, { ...escalation('e1', 'atlas', '2026-03-02T08:00:00.000Z'), title: 'changed' });

    // Assess
    expect(again).toBe(false);
    expect((await listPendingEscalations(table)).find((e) => e.id === 'e1')?.title).toBe('t-e1');
  });
});
