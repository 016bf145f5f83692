import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { agentSettingsSchema } from '@agentic-pm/domain';
import { parseScenario } from '@agentic-pm/scenario';
import {
  assembleResult, billableUsage, generateScenario, measureDay, monthlyBill, type DayMeasurement,
} from '../../packages/bench/src/index';

const settings = agentSettingsSchema.parse({});
const HAIKU = settings.models.triage;
const SONNET = settings.models.reasoning;
const callsOf = (usage: DayMeasurement['ours']['models'], model: string): number => usage.find((u) => u.modelId === model)?.calls ?? 0;

/**
 * Two runs a reader can count by hand. Run 1 finds nothing. Run 2 finds three messages: a
 * newsletter (settled by the rules pre-filter), a status note (simple) and a blocker (complex).
 */
const handCountedDay = parseScenario(
  {
    name: 'hand-counted',
    start: '2026-03-02T09:00:00Z',
    projects: [{ id: 'atlas', name: 'Atlas', jiraProjectKey: 'ATL', mailbox: 'pm@acme.test', owner: 'lead@acme.test', autonomyLevel: 'act', allowedEmailDomains: ['acme.test'] }],
    jira: { issues: [{ key: 'ATL-1', summary: 'Set up SSO', status: 'In Progress' }] },
    mail: {
      messages: [
        {
          at: '2026-03-02T09:05:00Z', mailbox: 'pm@acme.test', from: 'news@weekly.example', to: ['pm@acme.test'], subject: 'This week in CRM',
          body: '<p>Our newsletter. <a href="#">Unsubscribe</a></p>', html: true, headers: { 'List-Unsubscribe': '<mailto:u@weekly.example>' },
        },
        { at: '2026-03-02T09:06:00Z', mailbox: 'pm@acme.test', from: 'tom@acme.test', to: ['pm@acme.test'], subject: 'Dashboards', body: 'Status update: the dashboard work is done and merged.' },
        {
          at: '2026-03-02T09:07:00Z', mailbox: 'pm@acme.test', from: 'priya@acme.test', to: ['pm@acme.test'], subject: 'SSO',
          body: 'We are blocked on the SSO setup: the identity provider rejects our certificate. We cannot proceed until IT renews it.',
        },
      ],
    },
  },
  'hand-counted day',
);

describe('measuring a day through the local runtime', () => {
  let dataDir: string;
  let handCounted: DayMeasurement;
  let generated: DayMeasurement;

  beforeAll(async () => {
    // Prepare and Act once for the file: both days through the runtime take a few seconds each.
    dataDir = await mkdtemp(join(tmpdir(), 'agentic-pm-bench-'));
    const common = { settings, dynamoEndpoint: inject('dynamoEndpoint') };
    handCounted = await measureDay({ ...common, scenario: handCountedDay, cycles: 2, tableName: `bench-${randomUUID()}`, dataDir: join(dataDir, 'hand') });
    const { scenario } = generateScenario({
      seed: 4, name: 'smoke', start: '2026-03-02T09:00:00Z',
      plan: [{ cycle: 2, at: '2026-03-02T09:15:00Z', signals: 6 }, { cycle: 4, at: '2026-03-02T09:45:00Z', signals: 4 }],
    });
    // Four cycles are shorter than the reasoning window: reason in the run that triages, so Sonnet is on the bill.
    generated = await measureDay({ ...common, settings: { ...settings, reasoningWindowMinutes: 0 }, scenario, cycles: 4, tableName: `bench-${randomUUID()}`, dataDir: join(dataDir, 'smoke') });
  }, 120_000);
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('counts the transitions and invocations a hand count of the workflow gives', () => {
    // Assess: run 1 = Heartbeat, Detect Changes, Poll Jira, Poll Outlook, Any Changes?,
    // Process Hold Queue, Housekeeping Due?, Finish Run; run 2 adds Normalise Signals, Anything To
    // Triage?, Triage, Any Complex Signals?, Reasoning, Execute Actions, Update Artefacts.
    expect(handCounted.cycles.map((c) => [c.active, c.transitions, c.invocations, c.signals])).toEqual([
      [false, 8, 5, 0],
      [true, 15, 10, 3],
    ]);
    expect(handCounted.lambda.reduce((s, f) => s + f.invocations, 0)).toBe(15);
  });

  it('counts the model calls a hand count gives, for both designs', () => {
    // Assess: ours = triage pass 1 and pass 2 over the two signals the rules left (one call each),
    // then one reasoning call for the blocker (its tool calls and finish in one turn).
    // Naive = one Haiku call per signal, newsletter included, and one Sonnet call for the blocker.
    expect(callsOf(handCounted.ours.models, HAIKU)).toBe(2);
    expect(callsOf(handCounted.ours.models, SONNET)).toBe(1);
    expect(callsOf(handCounted.naive.models, HAIKU)).toBe(3);
    expect(callsOf(handCounted.naive.models, SONNET)).toBe(1);
    expect(handCounted.naive.outcome).toEqual({ signals: 3, triageCalls: 3, reasoningCalls: 1, complex: 1, unreadable: 0 });
  });

  it('prices the agent\'s calls as its own ledger does', () => {
    // Assess
    const metered = handCounted.cycles.reduce((s, c) => s + c.llmUsd, 0);
    expect(metered).toBeGreaterThan(0);
    expect(metered).toBeCloseTo(handCounted.ours.ledgerUsd, 6);
  });

  it('gives non-zero usage for every part of the bill in a small generated day, for both designs', () => {
    // Act
    const ours = monthlyBill(billableUsage(generated, generated.ours.models, 15));
    const naive = monthlyBill(billableUsage(generated, generated.naive.models, 15));

    // Assess
    expect(generated.failedCycles).toBe(0);
    expect(generated.ours.signalsCreated).toBe(10);
    expect(generated.cycles.filter((c) => c.active).map((c) => c.cycle)).toEqual([2, 4]);
    expect(generated.dynamodb.readUnits).toBeGreaterThan(0);
    expect(generated.dynamodb.writeUnits).toBeGreaterThan(0);
    expect(generated.lambda.every((f) => f.functionName === 'housekeeping' || f.invocations > 0)).toBe(true);
    expect(generated.metrics.points).toBeGreaterThan(0);
    for (const design of [generated.ours, generated.naive]) {
      expect(design.models.map((m) => m.modelId).sort()).toEqual([HAIKU, SONNET].sort());
      expect(design.models.every((m) => m.inputTokens > 0 && m.outputTokens > 0 && m.errors === 0)).toBe(true);
    }
    expect(ours.llm).toBeGreaterThan(0n);
    expect(naive.llm).toBeGreaterThan(0n);
    expect(ours.total - ours.llm).toBe(naive.total - naive.llm);
  });

  it('fills the summary line from the measurements', () => {
    // Act
    const result = assembleResult({
      seed: 4, days: 1, startedAt: new Date(), generated: { scenario: handCountedDay, plan: [], kinds: {} }, day: handCounted,
      alarmMetrics: 15, dailyBudgetUsd: settings.dailyBudgetUsd, defaultDailyBudgetUsd: settings.dailyBudgetUsd, coldStart: null, latency: null,
    });

    // Assess
    expect(result.summary.transitionsNoChange).toBe(8);
    expect(result.summary.transitionsActive).toBe(15);
    expect(result.summary.llmUsdPerDay).toBeGreaterThan(0);
    expect(result.summary.maxBundleKb).toBeNull();
    expect(result.targets.find((t) => t.name === 'Largest bundle')?.met).toBeNull();
  });
});
