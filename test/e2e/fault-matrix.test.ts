import { mkdtemp, rm } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { listOutbox } from '@agentic-pm/integrations';
import { loadLocalSettings, parseChaosSpec, runCycle, runScenario, startLocalEnvironment, type LocalEnvironment, type RunReport } from '@agentic-pm/local-runtime';
import { cycleTime, type Scenario } from '@agentic-pm/scenario';
import { acquireLease, countWork, queryPrefix, readLease, releaseLease } from '@agentic-pm/storage';
import { twoProjectsWithMailRequest } from './fixtures/two-projects-with-mail-request';

/** Cycle 1 starts the cursors; 2-4 carry the work (signals, actions, the held mail coming due, the digest); 5 is for recovery. */
const CYCLES = 5;

interface World {
  statuses: string[];
  /** Stored signals by dedupe key: the table's truth, whatever the steps reported. */
  signals: string[];
  /** The outbox and the Jira sandbox's own records, not the agent's events. */
  emails: string[];
  jiraWrites: string[];
  leaseHolder: string | undefined;
  pendingWork: number;
  report?: RunReport;
}

/** What the world holds after the last cycle. */
const observe = async (env: LocalEnvironment, scenario: Scenario, statuses: string[]): Promise<World> => {
  const lastAt = cycleTime(scenario.start, scenario.cycleMinutes, CYCLES);
  const signals = await Promise.all(scenario.projects.map((p) => queryPrefix<{ source: string; dedupeKey: string }>(env.table, `PROJECT#${p.id}`, 'SIGNAL#')));
  return {
    statuses,
    signals: signals.flat().map((s) => `${s.source}:${s.dedupeKey}`).sort(),
    emails: (await listOutbox(env.outboxDir)).map((m) => `${m.kind} ${m.to.join()} ${m.subject}`).sort(),
    // The marker names the proposal, whose id hashes the batch it came from: a run that batches the
    // same signals differently after a fault writes the same comment under another marker.
    jiraWrites: env.jiraWrites().map((w) => `${w.issue} ${w.kind} ${w.detail.replace(/\s*\[agentic-pm:[^\]]+\]\s*$/, '')}`).sort(),
    leaseHolder: (await readLease(env.table))?.holder,
    pendingWork: await countWork(env.table, lastAt),
  };
};

const freshPlace = async () => ({
  dataDir: await mkdtemp(join(tmpdir(), 'agentic-pm-faults-')),
  dynamoEndpoint: inject('dynamoEndpoint'),
  tableName: `faults-${randomUUID()}`,
});

/** Runs the scenario the way `npm start -- run --chaos SPEC` does, and observes the world it leaves. */
const runWithChaos = async (scenario: Scenario, spec?: string): Promise<World> => {
  const place = await freshPlace();
  let world: World | undefined;
  try {
    const report = await runScenario({
      scenario, settings: await matrixSettings(), cycles: CYCLES, ...place,
      ...(spec ? { chaos: parseChaosSpec(spec, { cycles: CYCLES }) } : {}),
      beforeStop: async (env) => {
        world = await observe(env, scenario, []);
      },
    });
    return { ...world!, statuses: report.cycles.map((c) => c.status), report };
  } finally {
    await rm(place.dataDir, { recursive: true, force: true });
  }
};

const duplicates = (items: string[]): string[] => items.filter((item, i) => items.indexOf(item) !== i);

/**
 * One fault per row: where it strikes, and the statuses it should leave. A row whose fault outlasts
 * the retries fails its run; the next run must pick up everything.
 */
const MATRIX: Array<{ spec: string; statuses?: string[]; failsClosed?: true }> = [
  { spec: 'jira:429@2#2/poll-jira' },
  { spec: 'jira:429-no-retry-after@2#2/execute-actions' },
  { spec: 'jira:5xx@4#2/execute-actions' },
  { spec: 'jira:5xx@16#2/poll-jira', statuses: ['SUCCEEDED', 'FAILED', 'SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED'] },
  { spec: 'graph:410#3' },
  { spec: 'graph:sync-state-not-found#4' },
  { spec: 'graph:429@2#2' },
  { spec: 'bedrock:throttle@2#2' },
  { spec: 'bedrock:timeout#3/reasoning' },
  { spec: 'bedrock:malformed#2/triage' },
  // Reasoning gets no second chance at a malformed answer: it fails closed and asks the owner.
  { spec: 'bedrock:malformed#3/reasoning', failsClosed: true },
  { spec: 'dynamodb:conditional#2/heartbeat', statuses: ['SUCCEEDED', 'SKIPPED', 'SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED'] },
  { spec: 'dynamodb:throttle=TransactWriteItems#3/execute-actions' },
  { spec: 'dynamodb:throttle=Query@2#2/triage' },
  { spec: 'lambda:crash-before/poll-outlook#2' },
  { spec: 'lambda:crash-after/update-artefacts#3' },
  { spec: 'lambda:crash-after/process-hold-queue#4' },
  // Step Functions tries a state four times (MaxAttempts 3); crashing all four, after the work, fails the run.
  { spec: 'lambda:crash-after/execute-actions@4#2', statuses: ['SUCCEEDED', 'FAILED', 'SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED'] },
];

const ALL_SUCCEEDED = Array.from({ length: CYCLES }, () => 'SUCCEEDED');


/** Faults target a cycle and a step, so each signal is reasoned about in the run that triages it. */
const matrixSettings = async () => ({ ...(await loadLocalSettings()), reasoningWindowMinutes: 0 });
describe('fault matrix: under each fault, no signal lost and no side effect twice', () => {
  let scenario: Scenario;
  let baseline: World;
  const started = performance.now();

  // Reported, not asserted: a wall-clock bound would fail on a busy machine, not on a regression.
  afterAll(() => {
    console.info(`fault matrix: baseline + ${MATRIX.length} faults + the lease case in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  });

  beforeAll(async () => {
    scenario = await twoProjectsWithMailRequest();
    baseline = await runWithChaos(scenario);
  });

  it('has a baseline that exercises signals, Jira writes, a held mail and the digest, each once', () => {
    // Assess
    expect(baseline.statuses).toEqual(ALL_SUCCEEDED);
    expect(baseline.signals).toHaveLength(scenario.jira.events.length + scenario.mail.messages.length);
    expect(baseline.emails.some((e) => e.startsWith('action sales-leads@acme.test'))).toBe(true);
    expect(baseline.emails.some((e) => e.startsWith('digest'))).toBe(true);
    expect(baseline.jiraWrites.length).toBeGreaterThan(0);
    expect(duplicates(baseline.emails)).toEqual([]);
    expect(duplicates(baseline.jiraWrites)).toEqual([]);
    expect(baseline.leaseHolder).toBeUndefined();
  });

  it.each(MATRIX)('$spec', async ({ spec, statuses = ALL_SUCCEEDED, failsClosed }) => {
    // Act
    const world = await runWithChaos(scenario, spec);

    // Assess: the fault really fired, as often as planned
    const [fault] = world.report?.faults ?? [];
    expect(fault).toMatchObject({ token: spec });
    expect(fault?.fired).toBe(fault?.planned.count);
    expect(world.statuses).toEqual(statuses);
    // the same signals, every email and Jira write of the baseline, none twice
    expect(world.signals).toEqual(baseline.signals);
    expect(duplicates(world.emails)).toEqual([]);
    if (failsClosed) {
      expect(world.emails).toEqual(expect.arrayContaining(baseline.emails));
      expect(world.emails.filter((e) => !baseline.emails.includes(e))).toEqual([expect.stringMatching(/^escalation .* Needs a human: /)]);
    } else {
      expect(world.emails).toEqual(baseline.emails);
    }
    expect(world.jiraWrites).toEqual(baseline.jiraWrites);
    // and a clean table for the next run
    expect(world.leaseHolder).toBeUndefined();
    expect(world.pendingWork).toBe(baseline.pendingWork);
  });

  it('a run that meets a live lease is skipped; once that holder is gone the next run is clean and nothing is lost', async () => {
    // Prepare: a run that died at cycle 2 without releasing its lease, which lives 10 minutes.
    const place = await freshPlace();
    const env = await startLocalEnvironment({ scenario, settings: await matrixSettings(), ...place });
    const statuses: string[] = [];
    try {
      // Act
      for (let k = 1; k <= CYCLES; k++) {
        const at = cycleTime(scenario.start, scenario.cycleMinutes, k);
        env.clock.set(at);
        if (k === 2) expect((await acquireLease(env.table, 'run-that-died', at, 600)).acquired).toBe(true);
        statuses.push((await runCycle(env.provider, at)).status);
      }
      const world = await observe(env, scenario, statuses);

      // Assess
      expect(world.statuses).toEqual(['SUCCEEDED', 'SKIPPED', 'SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED']);
      expect(world).toEqual({ ...baseline, statuses: world.statuses, report: undefined });
      expect(await releaseLease(env.table, 'run-that-died')).toBe(false);
    } finally {
      await env.stop();
      await rm(place.dataDir, { recursive: true, force: true });
    }
  });
});
