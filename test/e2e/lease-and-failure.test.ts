import { mkdtemp, rm } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import type { ContextProvider } from '@agentic-pm/agent/lambda';
import { IntegrationError } from '@agentic-pm/domain';
import { loadLocalSettings, runCycle, startLocalEnvironment, type LocalEnvironment } from '@agentic-pm/local-runtime';
import { cycleTime, loadScenario } from '@agentic-pm/scenario';
import { getRun, listRunEvents, readLease } from '@agentic-pm/storage';

const FIXTURE = join(import.meta.dirname, 'fixtures', 'two-projects.json');

describe('one run at a time, and a failed run leaves the next one clean', () => {
  let env: LocalEnvironment;
  let dataDir: string;
  let start: string;

  beforeEach(async () => {
    const scenario = await loadScenario(FIXTURE);
    start = scenario.start;
    dataDir = await mkdtemp(join(tmpdir(), 'agentic-pm-lease-'));
    env = await startLocalEnvironment({
      scenario, settings: await loadLocalSettings(), dataDir, dynamoEndpoint: inject('dynamoEndpoint'), tableName: `lease-${randomUUID()}`,
    });
  });
  afterEach(async () => {
    await env.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('lets exactly one of two simultaneous executions work; the other ends SKIPPED', async () => {
    // Prepare
    const at = cycleTime(start, 15, 2);
    env.clock.set(at);

    // Act
    const results = await Promise.all([runCycle(env.provider, at), runCycle(env.provider, at)]);

    // Assess
    expect(results.map((r) => r.status).sort()).toEqual(['SKIPPED', 'SUCCEEDED']);
    const skipped = results.find((r) => r.status === 'SKIPPED')!;
    expect(skipped.output).toMatchObject({ outcome: 'SKIPPED', reason: expect.stringContaining(results.find((r) => r.status === 'SUCCEEDED')!.executionName) });
    expect((await readLease(env.table))?.holder).toBeUndefined();
  });

  it('records a failing step, releases the lease, and loses nothing on the next run', async () => {
    // Prepare
    const at = cycleTime(start, 15, 2);
    env.clock.set(at);
    const healthy = await env.provider.context();
    const broken: ContextProvider = {
      telemetry: env.provider.telemetry,
      context: async () => ({ ...healthy, jira: { ...healthy.jira, pollChanges: () => Promise.reject(new IntegrationError('Jira answered 401 Unauthorized', 401)) } }),
    };

    // Act
    const failed = await runCycle(broken, at);
    env.clock.set(cycleTime(start, 15, 3));
    const next = await runCycle(env.provider, cycleTime(start, 15, 3));

    // Assess
    expect(failed.status).toBe('FAILED');
    expect(failed.error?.error).toBe('IntegrationError');
    const run = await getRun(env.table, failed.executionName, at);
    expect(run).toMatchObject({ status: 'FAILED', error: { error: 'IntegrationError' } });
    expect((await listRunEvents(env.table, failed.executionName, at)).map((e) => e.type)).toContain('run_failed');
    expect(next.status).toBe('SUCCEEDED');
    // Cycles 2 and 3 together hold 7 events and messages; the failed poll moved no cursor.
    expect((next.output?.signals as { created: number }).created).toBe(7);
    expect((await readLease(env.table))?.holder).toBeUndefined();
  });
});
