import { ARTEFACT_TYPES, renderArtefactCompact, type AgentSettings, type ArtefactType } from '@agentic-pm/domain';
import { buildReport, ledgerTotals, runCycle, startLocalEnvironment } from '@agentic-pm/local-runtime';
import type { RecordedCall } from '@agentic-pm/sandboxes';
import { cycleTime, type Scenario } from '@agentic-pm/scenario';
import { dayOf, getArtefact, type Table } from '@agentic-pm/storage';
import { addCapacity, diffCapacity, meterCapacity, zeroCapacity } from '../metering/capacity-meter';
import { lambdaUsage } from '../metering/lambda-usage';
import { purposeOf, sumUsage, usdByPurpose, usdOfCalls } from '../metering/llm-usage';
import { rawSignals } from '../naive/raw-signals';
import { emptyNaiveOutcome, runNaive, type ArtefactsReader } from '../naive/run-naive';
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
  progress?: Progress;
}

/** The records our reasoning step would show the model now, for the naive baseline's reasoning calls. */
const currentArtefacts = (table: Table): ArtefactsReader => async (projectId) => {
  const out: Partial<Record<ArtefactType, string>> = {};
  for (const type of ARTEFACT_TYPES) {
    const artefact = await getArtefact(table, projectId, type);
    if (artefact) out[type] = renderArtefactCompact(artefact);
  }
  return out;
};

/**
 * Runs the scenario's cycles through the real workflow and handlers on the local runtime, with a
 * capacity meter on the table client and every Converse call recorded. After each run, the naive
 * baseline handles the same run's signals through the same endpoint, with the records as they
 * stand then. Only what happens inside the runs is counted for the infrastructure: not the
 * setup, the naive calls' reads, or reading the results afterwards.
 */
export const measureDay = async (options: MeasureDayOptions): Promise<DayMeasurement> => {
  const { scenario, settings } = options;
  const progress = options.progress ?? silentProgress;
  const env = await startLocalEnvironment({ scenario, settings, dataDir: options.dataDir, dynamoEndpoint: options.dynamoEndpoint, tableName: options.tableName });
  try {
    const converse = await attachBenchConverse(env, settings.models.region);
    try {
      const meter = meterCapacity(env.table.doc);
      const times = Array.from({ length: options.cycles }, (_, i) => cycleTime(scenario.start, scenario.cycleMinutes, i + 1));
      const llmBefore = await ledgerTotals(env.table, times.map(dayOf));
      const raw = rawSignals(scenario, times.at(-1) ?? scenario.start);
      const artefacts = currentArtefacts(env.table);
      const naiveOutcome = emptyNaiveOutcome();
      const ourCalls: RecordedCall[] = [];
      const naiveCalls: RecordedCall[] = [];
      let capacity = zeroCapacity();
      const results = [];
      const cycles: CycleMeasurement[] = [];
      const metricHours = new Map<string, Set<string>>();
      let previous = Number.NEGATIVE_INFINITY;
      for (const [i, at] of times.entries()) {
        env.clock.set(at);
        const callsBefore = converse.calls().length;
        const pointsBefore = env.metrics.points.length;
        const capacityBefore = meter.snapshot();
        const result = await runCycle(env.provider, at);
        capacity = addCapacity(capacity, diffCapacity(meter.snapshot(), capacityBefore));
        results.push(result);
        const mine = converse.calls().slice(callsBefore);
        ourCalls.push(...mine);
        for (const point of env.metrics.points.slice(pointsBefore)) {
          const hours = metricHours.get(point.name) ?? new Set<string>();
          hours.add(at.slice(0, 13));
          metricHours.set(point.name, hours);
        }

        const now = Date.parse(at);
        const arrived = raw.filter((s) => Date.parse(s.at) > previous && Date.parse(s.at) <= now);
        previous = now;
        const naiveBefore = converse.calls().length;
        await runNaive({ client: converse.client, settings, projects: scenario.projects, signals: arrived, artefacts, outcome: naiveOutcome });
        const naive = converse.calls().slice(naiveBefore);
        naiveCalls.push(...naive);

        cycles.push({
          cycle: i + 1,
          at,
          status: result.status,
          active: result.invocations.some((inv) => inv.state === 'Normalise Signals'),
          transitions: result.stateTransitions,
          signals: signalsCreated(result.output),
          invocations: result.invocations.length,
          llmCalls: mine.length,
          llmUsd: usdOfCalls(mine, settings.prices),
          naiveLlmUsd: usdOfCalls(naive, settings.prices),
          wallMs: result.wallMs,
        });
        const failure = result.status === 'FAILED' ? ` · run ${i + 1} FAILED: ${result.error?.cause ?? ''}` : '';
        progress.update(i + 1, times.length, `${cycles.reduce((s, c) => s + c.signals, 0)} signals, ${ourCalls.length} model calls (naive ${naiveCalls.length})${failure}`);
      }
      progress.finish(`${cycles.length} runs, ${cycles.reduce((s, c) => s + c.signals, 0)} signals, ${ourCalls.length} model calls (naive ${naiveCalls.length})`);

      const report = await buildReport({
        scenario: scenario.name, table: env.table, cycles: results, projectIds: scenario.projects.map((p) => p.id),
        jiraWrites: env.jiraWrites().map(({ issue, kind, detail }) => ({ issue, kind, detail })), llmBefore, metrics: {},
      });
      const byKind: Record<string, number> = {};
      for (const email of report.totals.emails) byKind[email.kind] = (byKind[email.kind] ?? 0) + 1;
      return {
        scenario: scenario.name,
        cyclesRun: times.length,
        cycleMinutes: scenario.cycleMinutes,
        cycles,
        lambda: lambdaUsage(results.flatMap((r) => r.invocations)),
        dynamodb: capacity,
        ours: {
          models: sumUsage(ourCalls),
          purposes: sumUsage(ourCalls, purposeOf),
          purposeUsd: usdByPurpose(ourCalls, settings.prices),
          ledgerUsd: report.totals.llm.costUsd,
          signalsCreated: report.totals.signals,
          actions: report.totals.actions,
          jiraWrites: report.totals.jiraWrites.length,
        },
        naive: { models: sumUsage(naiveCalls), purposes: sumUsage(naiveCalls, purposeOf), purposeUsd: usdByPurpose(naiveCalls, settings.prices), outcome: naiveOutcome },
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
