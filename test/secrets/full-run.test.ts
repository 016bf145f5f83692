import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { METRIC_NAMES } from '@agentic-pm/agent';
import {
  buildReport, ledgerTotals, LOCAL_SENDER, loadLocalSettings, runCycle, startLocalEnvironment, type CycleResult, type HandlerWrapper, type LocalCredentials,
} from '@agentic-pm/local-runtime';
import { cycleTime } from '@agentic-pm/scenario';
import { dayOf, type Table } from '@agentic-pm/storage';
import { twoProjectsWithMailRequest } from '../e2e/fixtures/two-projects-with-mail-request';
import { captureProcessOutput } from './log-capture';

// Recognisable canaries, with characters that change under URL and base64 encoding.
const CREDENTIALS: LocalCredentials = { jiraApiToken: 'CANARY-jira-api-token-41f7+/=', graphClientSecret: 'CANARY-graph-client-secret-9d2c&%' };
/** The sandbox's access tokens are random; this is their shape. */
const ACCESS_TOKEN = /sandbox\.[A-Za-z0-9_-]{32}/;

/** Every way a canary could appear: as is, URL-encoded, in the Basic header, base64. */
const FORBIDDEN: string[] = [
  ...Object.values(CREDENTIALS).flatMap((s) => [s, encodeURIComponent(s), new URLSearchParams({ s }).toString().slice(2), Buffer.from(s).toString('base64')]),
  Buffer.from(`${LOCAL_SENDER}:${CREDENTIALS.jiraApiToken}`).toString('base64'),
  'CANARY',
];

interface Sink {
  name: string;
  /** How many things were scanned: lines, states, items, files. */
  count: number;
  text: string;
}

const leaksIn = (sink: Sink): string[] => [...FORBIDDEN.filter((secret) => sink.text.includes(secret)), ...(ACCESS_TOKEN.test(sink.text) ? ['a Graph access token'] : [])];

const scanTable = async (table: Table): Promise<Array<Record<string, unknown>>> => {
  const items: Array<Record<string, unknown>> = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await table.doc.send(new ScanCommand({ TableName: table.name, ConsistentRead: true, ExclusiveStartKey: start }));
    items.push(...((page.Items ?? []) as Array<Record<string, unknown>>));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
};

describe('a full local run with secrets configured leaks none of them', () => {
  const sinks: Sink[] = [];
  let dataDir: string;
  let cycles: CycleResult[];

  beforeAll(async () => {
    // Prepare
    const scenario = await twoProjectsWithMailRequest();
    dataDir = await mkdtemp(join(tmpdir(), 'agentic-pm-secrets-'));
    const previousLevel = process.env.POWERTOOLS_LOG_LEVEL;
    process.env.POWERTOOLS_LOG_LEVEL = 'DEBUG';
    const capture = captureProcessOutput();
    const states: unknown[] = [];
    const tasks: unknown[] = [];
    const wrap: HandlerWrapper = (state, handler) => async (input) => {
      const output = await handler(input);
      tasks.push({ state, input, output });
      return output;
    };
    const env = await startLocalEnvironment({
      scenario, settings: await loadLocalSettings(), dataDir, dynamoEndpoint: inject('dynamoEndpoint'), tableName: `secrets-${randomUUID()}`, credentials: CREDENTIALS,
    });
    try {
      // Act
      const times = [1, 2, 3, 4].map((k) => cycleTime(scenario.start, scenario.cycleMinutes, k));
      const llmBefore = await ledgerTotals(env.table, times.map(dayOf));
      cycles = [];
      for (const at of times) {
        env.clock.set(at);
        cycles.push(await runCycle(env.provider, at, (progress) => states.push(progress), undefined, wrap));
      }
      const report = await buildReport({
        scenario: scenario.name, table: env.table, cycles, projectIds: scenario.projects.map((p) => p.id),
        jiraWrites: env.jiraWrites().map(({ issue, kind, detail }) => ({ issue, kind, detail })), llmBefore,
        metrics: Object.fromEntries(METRIC_NAMES.map((n) => [n, env.metrics.total(n)])),
      });
      const outbox = await readdir(env.outboxDir);
      const emails = await Promise.all(outbox.map((f) => readFile(join(env.outboxDir, f), 'utf8')));
      const items = await scanTable(env.table);
      capture.stop();
      sinks.push(
        { name: 'log lines', count: capture.lines.length, text: capture.lines.join('\n') },
        { name: 'state outputs (every state)', count: states.length, text: JSON.stringify(states) },
        { name: 'Task inputs and outputs', count: tasks.length, text: JSON.stringify(tasks) },
        { name: 'execution outputs and errors', count: cycles.length, text: JSON.stringify(cycles) },
        { name: 'run report', count: 1, text: JSON.stringify(report) },
        { name: 'outbox .eml files', count: emails.length, text: emails.join('\n') },
        { name: 'table items (events, signals, actions, ...)', count: items.length, text: JSON.stringify(items) },
        { name: 'model requests and responses', count: env.llmCalls().length, text: JSON.stringify(env.llmCalls()) },
      );
    } finally {
      capture.stop();
      if (previousLevel === undefined) delete process.env.POWERTOOLS_LOG_LEVEL;
      else process.env.POWERTOOLS_LOG_LEVEL = previousLevel;
      await env.stop();
    }
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('ran every cycle with the canary credentials, so the clients really used them', () => {
    // Assess: the sandboxes refuse any other credentials, so a clean run proves the canaries were sent.
    expect(cycles.map((c) => c.status)).toEqual(['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED']);
  });

  it('scanned every sink, each with something in it', () => {
    // Assess
    const counts = Object.fromEntries(sinks.map((s) => [s.name, s.count]));
    console.info('secrets scan:', JSON.stringify(counts));
    for (const sink of sinks) expect(sink.count, sink.name).toBeGreaterThan(0);
  });

  it('finds no canary, no Basic header and no access token in any sink', () => {
    // Assess
    const leaks = Object.fromEntries(sinks.flatMap((s) => (leaksIn(s).length > 0 ? [[s.name, leaksIn(s)]] : [])));
    expect(leaks).toEqual({});
  });
});
