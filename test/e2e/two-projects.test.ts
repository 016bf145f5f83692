import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { listOutbox } from '@agentic-pm/integrations';
import { loadLocalSettings, runScenario, type RunReport } from '@agentic-pm/local-runtime';
import { loadScenario, type Scenario } from '@agentic-pm/scenario';

const FIXTURE = join(import.meta.dirname, 'fixtures', 'two-projects.json');

describe('two projects through the whole workflow on DynamoDB Local', () => {
  let scenario: Scenario;
  let dataDir: string;
  let report: RunReport;
  let rerun: RunReport;
  const tableName = `e2e-${randomUUID()}`;

  beforeAll(async () => {
    // Prepare
    scenario = await loadScenario(FIXTURE);
    dataDir = await mkdtemp(join(tmpdir(), 'agentic-pm-e2e-'));
    // Every signal is followed through in the run that sees it; the reasoning window has its own tests.
    const settings = { ...(await loadLocalSettings()), reasoningWindowMinutes: 0 };
    const common = { scenario, settings, dataDir, dynamoEndpoint: inject('dynamoEndpoint'), tableName };

    // Act
    report = await runScenario({ ...common, cycles: 4 });
    rerun = await runScenario({ ...common, cycles: 4 });
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('runs every cycle to success', () => {
    // Assess
    expect(report.cycles.map((c) => c.status)).toEqual(['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED']);
    expect(report.cycles.every((c) => c.stateTransitions >= 8)).toBe(true);
  });

  it('makes exactly one signal per Jira event and per message', () => {
    // Assess
    expect(report.totals.signals).toBe(scenario.jira.events.length + scenario.mail.messages.length);
    expect(report.cycles.map((c) => c.signals)).toEqual([0, 5, 2, 2]);
  });

  it('creates no new signals and sends no email when the same cycles run again', () => {
    // Assess
    expect(rerun.cycles.map((c) => c.status)).toEqual(['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED']);
    expect(rerun.totals.signals).toBe(0);
    expect(rerun.totals.emails).toEqual([]);
    expect(rerun.totals.jiraWrites).toEqual([]);
  });

  it('escalates the blocker and the decision request to the act project owner', () => {
    // Assess
    const toLead = report.totals.emails.filter((e) => e.kind === 'escalation' && e.to.join() === 'lead@acme.test');
    expect(toLead.length).toBeGreaterThanOrEqual(2);
    expect(toLead.some((e) => /decision|licence/i.test(e.subject))).toBe(true);
  });

  it('writes to Jira only in the act project and never acts on the injection', async () => {
    // Assess
    expect(report.totals.jiraWrites.length).toBeGreaterThan(0);
    expect(report.totals.jiraWrites.every((w) => w.issue.startsWith('ATL-'))).toBe(true);
    const outbox = await listOutbox(join(dataDir, 'outbox'));
    expect(outbox.flatMap((m) => m.to).every((to) => to.endsWith('@acme.test'))).toBe(true);
    // The injected request to mail the export outside was proposed, and the gate blocked it.
    expect(report.totals.actions.blocked).toBeGreaterThan(0);
  });

  it('mails the observe project only to its owner', async () => {
    // Assess
    const borealis = (await listOutbox(join(dataDir, 'outbox'))).filter((m) => m.project === 'borealis');
    expect(borealis.length).toBeGreaterThan(0);
    expect(borealis.every((m) => m.to.join() === 'dana@acme.test')).toBe(true);
  });

  it('keeps all four artefacts per project, versioned as they change', () => {
    // Assess
    const versions = Object.fromEntries(report.totals.artefacts.map((a) => [`${a.project}/${a.type}`, a.version]));
    for (const project of ['atlas', 'borealis']) {
      for (const type of ['raid_log', 'delivery_state', 'backlog_summary', 'decision_log']) expect(versions[`${project}/${type}`]).toBeGreaterThanOrEqual(1);
    }
    expect(versions['atlas/raid_log']).toBeGreaterThan(1);
    expect(versions['atlas/backlog_summary']).toBeGreaterThan(1);
  });

  it('accounts for every model call in the ledger', () => {
    // Assess
    expect(report.totals.llm.calls).toBeGreaterThan(0);
    expect(report.totals.llm.inputTokens).toBeGreaterThan(0);
    expect(report.totals.llm.costUsd).toBeGreaterThan(0);
  });
});
