import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { agentSettingsSchema, defaultSettings, type AgentSettings } from '@agentic-pm/domain';
import { loadLocalSettings, startDynamoDbLocal } from '@agentic-pm/local-runtime';
import { bundleFunctions } from './cold-start/bundle-functions';
import { measureImports } from './cold-start/import-timing';
import { measureDay } from './day/measure-day';
import { measureCycleLatency } from './latency/cycle-latency';
import { alarmMetricCount } from './metering/alarm-metrics';
import { assembleResult } from './output/assemble-result';
import type { BenchResult } from './output/bench-result';
import { costChartSvg } from './output/cost-chart';
import { reportLines } from './output/print-report';
import { summaryLine } from './output/summary-line';
import { progressLine } from './progress';
import { CYCLES_PER_DAY, generateReferenceDay } from './reference-day/generate-scenario';

export interface BenchOptions {
  seed: number;
  days: number;
  /** Runs to measure; a whole number of days by default. */
  cycles?: number;
  out: string;
  chart: string;
  dataDir: string;
  /** Agent settings JSON; by default the embedded defaults with the daily budget lifted (see below). */
  config?: string;
  skipColdStart: boolean;
  skipLatency: boolean;
  importRuns: number;
  latencyRuns: number;
  burstSignals: number;
}

/**
 * The default daily budget turns Sonnet off once reached, which would hide what the design costs
 * doing its whole job. The day runs with the budget lifted, and the report says when the default
 * would have been reached. A --config file is used as it is.
 */
const UNCAPPED_BUDGET_USD = 1_000;

const benchSettings = async (config: string | undefined): Promise<AgentSettings> =>
  config === undefined ? agentSettingsSchema.parse({ dailyBudgetUsd: UNCAPPED_BUDGET_USD }) : loadLocalSettings(config);

/**
 * `npm run bench`: the reference day through the local runtime (ours, then the naive baseline
 * after each run), cycle latency on the same warm DynamoDB Local, then cold start once DynamoDB
 * Local is stopped so the Java process does not skew import timings. Prints the report, writes
 * the JSON and the chart, and prints the summary JSON as the last line.
 */
export const runBench = async (options: BenchOptions, print: (line: string) => void = console.log): Promise<BenchResult> => {
  const startedAt = new Date();
  const settings = await benchSettings(options.config);
  const dataDir = resolve(options.dataDir);
  // Only what earlier benchmark runs left here: the directory itself may hold anything.
  for (const part of ['day', 'latency', 'bundles']) await rm(join(dataDir, part), { recursive: true, force: true });
  await mkdir(dataDir, { recursive: true });
  const cycles = options.cycles ?? options.days * CYCLES_PER_DAY;
  const days = Math.max(options.days, Math.ceil(cycles / CYCLES_PER_DAY));
  const generated = generateReferenceDay({ seed: options.seed, days });

  process.stderr.write(`agentic-pm bench: seed ${options.seed}, ${cycles} runs; starting DynamoDB Local\n`);
  const db = await startDynamoDbLocal();
  let day;
  let latency = null;
  try {
    day = await measureDay({
      scenario: generated.scenario, settings, cycles, dynamoEndpoint: db.endpoint, tableName: 'bench-day', dataDir: join(dataDir, 'day'),
      progress: progressLine('reference day, run'),
    });
    if (!options.skipLatency) {
      latency = await measureCycleLatency({
        settings, dynamoEndpoint: db.endpoint, dataDir: join(dataDir, 'latency'), seed: options.seed, signals: options.burstSignals, runs: options.latencyRuns,
        progress: progressLine('cycle latency, repetition'),
      });
    }
  } finally {
    await db.stop();
  }

  let coldStart = null;
  if (!options.skipColdStart) {
    const bundleDir = join(dataDir, 'bundles');
    process.stderr.write('  cold start: bundling functions as SST does\n');
    const bundles = await bundleFunctions(bundleDir);
    const timing = await measureImports(bundleDir, bundles.map((b) => ({ name: b.functionName, file: b.file })), {
      runs: options.importRuns, progress: progressLine('cold start, fresh process'),
    });
    coldStart = { bundles, empty: timing.empty, imports: timing.modules };
  }

  const result = assembleResult({
    seed: options.seed, days, startedAt, generated, day, alarmMetrics: alarmMetricCount(settings.dailyBudgetUsd),
    dailyBudgetUsd: settings.dailyBudgetUsd, defaultDailyBudgetUsd: defaultSettings().dailyBudgetUsd, coldStart, latency,
  });
  const files = { json: resolve(options.out), chart: resolve(options.chart) };
  await mkdir(dirname(files.json), { recursive: true });
  await writeFile(files.json, `${JSON.stringify(result, null, 2)}\n`, 'utf8');
  await mkdir(dirname(files.chart), { recursive: true });
  await writeFile(files.chart, costChartSvg(result.bills.ours, result.bills.naive, `agentic-pm: monthly cost, ours vs naive (seed ${options.seed})`), 'utf8');
  for (const line of reportLines(result, files)) print(line);
  print(summaryLine(result.summary));
  return result;
};
