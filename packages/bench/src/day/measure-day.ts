import type { AgentSettings } from '@agentic-pm/domain';
import { buildReport, ledgerTotals, runCycle, startLocalEnvironment } from '@agentic-pm/local-runtime';
import { cycleTime, type Scenario } from '@agentic-pm/scenario';
import { dayOf } from '@agentic-pm/storage';
import { diffCapacity, meterCapacity } from '../metering/capacity-meter';
import { lambdaUsage } from '../metering/lambda-usage';
import { usageByModel } from '../metering/llm-usage';
import { rawSignals } from '../naive/raw-signals';
import { runNaive } from '../naive/run-naive';
import { silentProgress, type Progress } from '../progress';
import { attachBenchConverse } from './bench-converse';
import type { CycleMeasurement, DayMeasurement } from './day-measurement';

export interface MeasureDayOptions {
  scenario: Scenario;
  settings: AgentSettings;
  cycles: number;
  /** A DynamoDB Local started beforehand. */
  dynamoEndpoint: string;
  tableName: string;
  dataDir: string;
  progress?: { day: Progress; naive: Progress };
}

/**
 * Runs the scenario's cycles through the real workflow and handlers on the local runtime, with a
 * capacity meter on the table client and the agent's Converse calls recorded; then sends the naive
 * baseline's calls for the same signals to the same endpoint. Counts only what happens inside
 * the runs (and the naive calls), not the setup or the reading of results afterwards.
 */
export const measureDay = async (options: MeasureDayOptions): Promise<DayMeasurement> => {
  const { scenario, settings } = options;
  const progress = options.progress ?? { day: silentProgress, naive: silentProgress };
  const env = await startLocalEnvironment({ scenario, settings, dataDir: options.dataDir, dynamoEndpoint: options.dynamoEndpoint, tableName: options.tableName });
  try {
    const converse = await attachBenchConverse(env, settings.models.region);
    try {
      const meter = meterCapacity(env.table.doc);
      const times = Array.from({ length: options.cycles }, (_, i) => cycleTime(scenario.start, scenario.cycleMinutes, i + 1));
      const llmBefore = await ledgerTotals(env.table, times.map(dayOf));
      const capacityStart = meter.snapshot();
      const results = [];
      const cycles: CycleMeasurement[] = [];
      const metricHours = new Map<string, Set<string>>();
      let signalsSoFar = 0;
      for (const [i, at] of times.entries()) {
        env.clock.set(at);
        const callsBefore = converse.calls().length;
        const pointsBefore = env.metrics.points.length;
        const result = await runCycle(env.provider, at);
        results.push(result);
        for (const point of env.metrics.points.slice(pointsBefore)) {
          const hours = metricHours.get(point.name) ?? new Set<string>();
          hours.add(at.slice(0, 13));
          metricHours.set(point.name, hours);
        }
        const created = signalsCreated(result.output);
        signalsSoFar += created;
        cycles.push({
          cycle: i + 1,
          at,
          status: result.status,
          active: result.invocations.some((inv) => inv.state === 'Normalise Signals'),
          transitions: result.stateTransitions,
          signals: created,
          invocations: result.invocations.length,
          llmCalls: converse.calls().length - callsBefore,
          wallMs: result.wallMs,
        });
        progress.day.update(i + 1, times.length, `${signalsSoFar} signals${result.status === 'FAILED' ? ` · cycle ${i + 1} FAILED: ${result.error?.cause ?? ''}` : ''}`);
      }
      const dynamodb = diffCapacity(meter.snapshot(), capacityStart);
      const ourCalls = converse.calls();
      progress.day.finish(`${cycles.length} runs, ${signalsSoFar} signals, ${ourCalls.length} model calls`);

      const report = await buildReport({
        scenario: scenario.name, table: env.table, cycles: results, projectIds: scenario.projects.map((p) => p.id),
        jiraWrites: env.jiraWrites().map(({ issue, kind, detail }) => ({ issue, kind, detail })), llmBefore, metrics: {},
      });
      const byKind: Record<string, number> = {};
      for (const email of report.totals.emails) byKind[email.kind] = (byKind[email.kind] ?? 0) + 1;

      const lastRun = times.at(-1) ?? scenario.start;
      const naiveSignals = rawSignals(scenario, lastRun);
      const outcome = await runNaive({
        client: converse.client, settings, projects: scenario.projects, signals: naiveSignals,
        onSignal: (done, total) => progress.naive.update(done, total),
      });
      const naiveCalls = converse.calls().slice(ourCalls.length);
      progress.naive.finish(`${outcome.signals} signals, ${outcome.triageCalls} triage + ${outcome.reasoningCalls} reasoning calls`);

      return {
        scenario: scenario.name,
        cyclesRun: times.length,
        cycleMinutes: scenario.cycleMinutes,
        cycles,
        lambda: lambdaUsage(results.flatMap((r) => r.invocations)),
        dynamodb,
        ours: {
          models: usageByModel(ourCalls),
          ledgerUsd: report.totals.llm.costUsd,
          signalsCreated: report.totals.signals,
          actions: report.totals.actions,
          jiraWrites: report.totals.jiraWrites.length,
        },
        naive: { models: usageByModel(naiveCalls), outcome },
        emails: { sent: report.totals.emails.length, recipients: report.totals.emails.reduce((s, e) => s + e.to.length, 0), byKind },
        metrics: {
          points: env.metrics.points.length,
          byName: Object.fromEntries([...metricHours].map(([name, hours]) => [name, { points: env.metrics.points.filter((p) => p.name === name).length, hours: hours.size }])),
        },
        failedCycles: cycles.filter((c) => c.status === 'FAILED').length,
      };
    } finally {
      await converse.close();
    }
  } finally {
    await env.stop();
  }
};

const signalsCreated = (output: Record<string, unknown> | null): number => {
  const signals = output?.signals;
  const created = signals !== null && typeof signals === 'object' ? (signals as Record<string, unknown>).created : undefined;
  return typeof created === 'number' ? created : 0;
};
