import { mkdtemp, rm } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { TransientError } from '@agentic-pm/agent';
import { listOutbox } from '@agentic-pm/integrations';
import { crashOnce, loadLocalSettings, runCycle, startLocalEnvironment, TASK_HANDLERS, type HandlerWrapper } from '@agentic-pm/local-runtime';
import { cycleTime, type Scenario } from '@agentic-pm/scenario';
import { twoProjectsWithMailRequest } from './fixtures/two-projects-with-mail-request';
import { queryPrefix } from '@agentic-pm/storage';

// Cycles 2-4 exercise every Task state: signals, reasoning, actions, a held mail coming due, the digest.
const CYCLES = [2, 3, 4];

interface Outcome {
  statuses: string[];
  /** Signals stored, by id: the table's truth, not a step's count (a retried step finds them already there). */
  signals: string[];
  emails: string[];
  jiraWrites: string[];
}

/** Runs the cycles on a fresh table and sandboxes, with an optional handler wrapper, and returns what the world saw. */
const runWorld = async (scenario: Scenario, wrap?: HandlerWrapper): Promise<Outcome> => {
  const dataDir = await mkdtemp(join(tmpdir(), 'agentic-pm-crash-'));
  const env = await startLocalEnvironment({ scenario, settings: await loadLocalSettings(), dataDir, dynamoEndpoint: inject('dynamoEndpoint'), tableName: `crash-${randomUUID()}` });
  try {
    const statuses: string[] = [];
    for (const k of CYCLES) {
      const at = cycleTime(scenario.start, scenario.cycleMinutes, k);
      env.clock.set(at);
      const result = await runCycle(env.provider, at, undefined, undefined, wrap);
      statuses.push(result.status);
    }
    return {
      statuses,
      signals: (await Promise.all(scenario.projects.map((p) => queryPrefix<{ id: string }>(env.table, `PROJECT#${p.id}`, 'SIGNAL#'))))
        .flat()
        .map((s) => s.id)
        .sort(),
      emails: (await listOutbox(env.outboxDir)).map((m) => `${m.kind} ${m.to.join()} ${m.subject}`).sort(),
      jiraWrites: env.jiraWrites().map((w) => `${w.issue} ${w.kind} ${w.detail}`).sort(),
    };
  } finally {
    await env.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
};

describe('crash points: every Task state, crashed once before and once after its side effects', () => {
  let scenario: Scenario;
  let clean: Outcome;

  beforeAll(async () => {
    scenario = await twoProjectsWithMailRequest();
    clean = await runWorld(scenario);
  });

  it('has a clean run that exercises the interesting paths', () => {
    // Assess
    expect(clean.statuses).toEqual(['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED']);
    expect(clean.emails.some((e) => e.startsWith('action sales-leads@acme.test'))).toBe(true);
    expect(clean.emails.some((e) => e.startsWith('digest'))).toBe(true);
    expect(clean.jiraWrites.length).toBeGreaterThan(0);
    expect(clean.signals).toHaveLength(scenario.jira.events.length + scenario.mail.messages.length);
  });

  const states = Object.keys(TASK_HANDLERS).filter((s) => s !== 'Record Failure');
  it.each(states.flatMap((state) => [[state, 'before'], [state, 'after']] as const))('%s, crashed %s: same signals, each email and Jira write once', async (state, point) => {
    // Prepare
    const crash = crashOnce(state, point);

    // Act
    const outcome = await runWorld(scenario, crash.wrap);

    // Assess
    expect(crash.state.fired).toBe(true);
    expect(outcome).toEqual(clean);
  });

  it('a crash between staging changes and moving the cursor re-reads them on the retry: same signals, nothing twice', async () => {
    // Prepare: the first checkpoint writes fail after the polls have staged their changes.
    const dataDir = await mkdtemp(join(tmpdir(), 'agentic-pm-cursor-'));
    const env = await startLocalEnvironment({ scenario, settings: await loadLocalSettings(), dataDir, dynamoEndpoint: inject('dynamoEndpoint'), tableName: `cursor-${randomUUID()}` });
    let failed = 0;
    const healthy = await env.provider.context();
    const doc = new Proxy(healthy.table.doc, {
      get: (target, prop, receiver) =>
        prop !== 'send'
          ? Reflect.get(target, prop, receiver)
          : async (command: Parameters<typeof target.send>[0]) => {
              const items = (command.input as { TransactItems?: Array<{ Put?: { Item?: { sk?: string } } }> }).TransactItems ?? [];
              if (failed < 2 && items.some((i) => i.Put?.Item?.sk?.startsWith('CHECKPOINT#'))) {
                failed++;
                throw new TransientError('simulated crash before the cursor moved');
              }
              return target.send(command);
            },
    });
    const provider = { telemetry: env.provider.telemetry, context: async () => ({ ...healthy, table: { ...healthy.table, doc } }) };

    // Act
    try {
      for (const k of CYCLES) {
        const at = cycleTime(scenario.start, scenario.cycleMinutes, k);
        env.clock.set(at);
        expect((await runCycle(provider, at)).status).toBe('SUCCEEDED');
      }
      const signals = (await Promise.all(scenario.projects.map((p) => queryPrefix<{ id: string }>(env.table, `PROJECT#${p.id}`, 'SIGNAL#')))).flat().map((s) => s.id).sort();

      // Assess
      expect(failed).toBe(2);
      expect(signals).toEqual(clean.signals);
    } finally {
      await env.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
