import { describe, expect, it } from 'vitest';
import { ConflictError, ValidationError } from '@agentic-pm/domain';
import { listEscalationsByStatus, putAction, putEscalation, putProject } from '@agentic-pm/storage';
import { cancelHeld } from '../../../packages/cli/src/commands/decisions/cancel-held';
import { decide } from '../../../packages/cli/src/commands/decisions/decide';
import { freshTable } from '../../support/fresh-table';
import { project } from '../../support/projects';

const NOW = '2026-03-02T09:00:00.000Z';
const escalation = { id: 'e1', projectId: 'atlas', status: 'pending' as const, signalIds: [], createdAt: NOW, title: 'Extend the licence?', context: 'c', options: ['Extend', 'Accept the gap'], recommendation: 0, rationale: 'r' };

describe('decide', () => {
  it('records the option and the owner as decider', async () => {
    // Prepare
    const table = await freshTable();
    await putProject(table, project(), NOW);
    await putEscalation(table, escalation);

    // Act
    await decide(table, 'e1', 1, 'cheaper', undefined, NOW);

    // Assess
    const [decided] = await listEscalationsByStatus(table, 'decided');
    expect(decided?.decision).toEqual({ option: 1, notes: 'cheaper', decidedAt: NOW, decidedBy: 'lead@acme.test' });
  });

  it('rejects an unknown id, an option out of range, and a second decision', async () => {
    // Prepare
    const table = await freshTable();
    await putEscalation(table, escalation);

    // Act & Assess
    await expect(decide(table, 'nope', 0, undefined, 'me', NOW)).rejects.toThrow(ValidationError);
    await expect(decide(table, 'e1', 2, undefined, 'me', NOW)).rejects.toThrow('--option: must be 0 to 1');
    await decide(table, 'e1', 0, undefined, 'me', NOW);
    await expect(decide(table, 'e1', 1, undefined, 'me', NOW)).rejects.toThrow(ConflictError);
  });
});

describe('cancelHeld', () => {
  it('cancels a pending held action once', async () => {
    // Prepare
    const table = await freshTable();
    await putAction(table, {
      id: 'h1', projectId: 'atlas', runId: 'r', status: 'PENDING', createdAt: NOW, executeAfter: NOW, decision: { outcome: 'hold', reason: 'wait' },
      action: { id: 'h1', projectId: 'atlas', payload: { type: 'send_email', to: ['a@acme.test'], subject: 's', body: 'b' }, confidence: 1, rationale: 'r', provenance: { trust: 'internal', injectionSuspected: false, signalIds: [] } },
    });

    // Act
    const cancelled = await cancelHeld(table, 'h1', NOW);

    // Assess
    expect(cancelled.status).toBe('CANCELLED');
    await expect(cancelHeld(table, 'h1', NOW)).rejects.toThrow('no held action "h1"');
  });
});
