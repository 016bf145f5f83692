import { mkdtemp, rm } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { listOutbox } from '@agentic-pm/integrations';
import { loadLocalSettings, runCycle, startLocalEnvironment, type LocalEnvironment } from '@agentic-pm/local-runtime';
import { cycleTime, type Scenario } from '@agentic-pm/scenario';
import { getArtefact, listActionsByStatus, listEscalationsByStatus } from '@agentic-pm/storage';
import { cancelHeld } from '../../packages/cli/src/commands/decisions/cancel-held';
import { decide } from '../../packages/cli/src/commands/decisions/decide';
import { twoProjectsWithMailRequest } from './fixtures/two-projects-with-mail-request';



describe('held actions and decisions across runs', () => {
  let env: LocalEnvironment;
  let dataDir: string;
  let scenario: Scenario;
  const cycle = async (k: number) => {
    const at = cycleTime(scenario.start, scenario.cycleMinutes, k);
    env.clock.set(at);
    const result = await runCycle(env.provider, at);
    expect(result.status, `cycle ${k}: ${JSON.stringify(result.error)}`).toBe('SUCCEEDED');
    return result;
  };
  const mailsTo = async (address: string) => (await listOutbox(env.outboxDir)).filter((m) => m.to.includes(address));

  beforeEach(async () => {
    scenario = await twoProjectsWithMailRequest();
    dataDir = await mkdtemp(join(tmpdir(), 'agentic-pm-hold-'));
    env = await startLocalEnvironment({ scenario, settings: await loadLocalSettings(), dataDir, dynamoEndpoint: inject('dynamoEndpoint'), tableName: `hold-${randomUUID()}` });
  });
  afterEach(async () => {
    await env.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('holds a requested mail for the hold delay, then sends it', async () => {
    // Act
    await cycle(2);
    const heldAfterCycle2 = await listActionsByStatus(env.table, 'PENDING', cycleTime(scenario.start, 15, 2));
    const sentEarly = await mailsTo('sales-leads@acme.test');
    await cycle(3);
    await cycle(4);

    // Assess
    expect(heldAfterCycle2.map((a) => a.action.payload.type)).toEqual(['send_email']);
    expect(sentEarly).toEqual([]);
    expect(await mailsTo('sales-leads@acme.test')).toHaveLength(1);
  });

  it('never sends a held mail the owner cancelled', async () => {
    // Prepare
    await cycle(2);
    const [held] = await listActionsByStatus(env.table, 'PENDING', cycleTime(scenario.start, 15, 2));

    // Act
    await cancelHeld(env.table, held!.id, cycleTime(scenario.start, 15, 2));
    await cycle(3);
    await cycle(4);

    // Assess
    expect(await mailsTo('sales-leads@acme.test')).toEqual([]);
    expect((await listActionsByStatus(env.table, 'CANCELLED', cycleTime(scenario.start, 15, 4))).map((a) => a.id)).toEqual([held!.id]);
  });

  it('applies a decision on the next run and logs it', async () => {
    // Prepare
    await cycle(2);
    const licence = (await listEscalationsByStatus(env.table, 'pending')).find((e) => /licence/i.test(e.title))!;

    // Act
    await decide(env.table, licence.id, 1, 'The gap is acceptable', undefined, cycleTime(scenario.start, 15, 2));
    const next = await cycle(3);

    // Assess
    expect(next.output?.holdQueue).toMatchObject({ decisions: 1 });
    expect((await listEscalationsByStatus(env.table, 'applied')).map((e) => e.id)).toEqual([licence.id]);
    const log = await getArtefact(env.table, 'atlas', 'decision_log');
    expect(log?.content.entries).toEqual([expect.objectContaining({ rationale: 'The gap is acceptable', decidedBy: 'lead@acme.test', decision: expect.stringContaining(licence.options[1]!) })]);
  });
});
