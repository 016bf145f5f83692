import { cpus } from 'node:os';
import type { FunctionBundle } from '../cold-start/bundle-functions';
import type { ImportTiming } from '../cold-start/import-timing';
import type { DayMeasurement } from '../day/day-measurement';
import type { CycleLatency } from '../latency/cycle-latency';
import type { ModelUsage } from '../metering/llm-usage';
import { monthlyBill, type BillableUsage } from '../pricing/monthly-bill';
import { toUsd } from '../pricing/money';
import type { GeneratedScenario } from '../reference-day/generate-scenario';
import { median, sum } from '../stats';
import { billJson, type BenchResult, type TargetCheck } from './bench-result';

export const TARGETS = {
  llmUsdPerDay: 0.1,
  llmRatio: 0.05,
  totalUsdPerMonth: 7,
  transitionsNoChange: 8,
  bundleKb: 300,
  initRatio: 3,
} as const;

/** The day's usage in the units AWS bills, for one design's models; the infrastructure is the same for both. */
export const billableUsage = (day: DayMeasurement, models: readonly ModelUsage[], alarmMetrics: number): BillableUsage => ({
  runs: day.cyclesRun,
  runsPerDay: Math.round((24 * 60) / day.cycleMinutes),
  transitions: sum(day.cycles.map((c) => c.transitions)),
  lambdaRequests: sum(day.lambda.map((f) => f.invocations)),
  lambdaMbMs: sum(day.lambda.map((f) => f.mbMs)),
  readUnits: day.dynamodb.readUnits,
  writeUnits: day.dynamodb.writeUnits,
  models,
  emails: day.emails.recipients,
  metricHours: sum(Object.values(day.metrics.byName).map((m) => m.hours)),
  alarmMetrics,
});

/** When the running daily LLM spend first reaches `budgetUsd` (each UTC day on its own), or null. */
export const budgetReachedAt = (day: DayMeasurement, budgetUsd: number): string | null => {
  const spent = new Map<string, number>();
  for (const cycle of day.cycles) {
    const date = cycle.at.slice(0, 10);
    const total = (spent.get(date) ?? 0) + cycle.llmUsd;
    spent.set(date, total);
    if (total >= budgetUsd) return cycle.at;
  }
  return null;
};

const check = (name: string, target: string, measured: number | null, limit: number, format: (v: number) => string): TargetCheck => ({
  name,
  target,
  measured: measured === null ? 'not measured' : format(measured),
  met: measured === null ? null : measured <= limit,
});

export interface Measurements {
  seed: number;
  days: number;
  startedAt: Date;
  generated: GeneratedScenario;
  day: DayMeasurement;
  alarmMetrics: number;
  dailyBudgetUsd: number;
  defaultDailyBudgetUsd: number;
  coldStart: { bundles: FunctionBundle[]; empty: ImportTiming; imports: ImportTiming[] } | null;
  latency: CycleLatency | null;
}

/** Prices the measurements, checks the targets and fills in the summary line. */
export const assembleResult = (m: Measurements): BenchResult => {
  const { day } = m;
  const runsPerDay = Math.round((24 * 60) / day.cycleMinutes);
  const perDayScale = runsPerDay / day.cyclesRun;
  const ours = monthlyBill(billableUsage(day, day.ours.models, m.alarmMetrics));
  const naive = monthlyBill(billableUsage(day, day.naive.models, m.alarmMetrics));
  const llmUsd = sum(day.cycles.map((c) => c.llmUsd)) * perDayScale;
  const naiveLlmUsd = sum(day.cycles.map((c) => c.naiveLlmUsd)) * perDayScale;
  const noChange = day.cycles.filter((c) => !c.active).map((c) => c.transitions);
  const active = day.cycles.filter((c) => c.active).map((c) => c.transitions);

  const bundles = m.coldStart?.bundles ?? null;
  const maxBundleKb = bundles === null ? null : Math.max(...bundles.map((b) => b.bytes / 1024));
  const imports = m.coldStart?.imports ?? null;
  const maxInitMs = imports === null ? null : Math.max(...imports.map((t) => t.importMs));
  const initRatio = imports === null || m.coldStart === null ? null : Math.max(...imports.map((t) => t.processMs)) / m.coldStart.empty.processMs;

  const summary = {
    llmUsdPerDay: llmUsd,
    naiveLlmUsdPerDay: naiveLlmUsd,
    llmRatio: naiveLlmUsd > 0 ? llmUsd / naiveLlmUsd : Number.NaN,
    totalUsdPerMonth: toUsd(ours.total),
    naiveTotalUsdPerMonth: toUsd(naive.total),
    transitionsNoChange: median(noChange),
    transitionsActive: median(active),
    maxBundleKb,
    maxInitMs,
    initRatio,
    noChangeCycleMs: m.latency?.medianNoChangeMs ?? null,
    activeCycleMs: m.latency?.medianActiveMs ?? null,
  };
  const targets: TargetCheck[] = [
    check('LLM spend per day', `≤ $${TARGETS.llmUsdPerDay.toFixed(2)}`, llmUsd, TARGETS.llmUsdPerDay, (v) => `$${v.toFixed(4)}`),
    check('LLM spend, ours / naive', `≤ ${TARGETS.llmRatio}`, summary.llmRatio, TARGETS.llmRatio, (v) => v.toFixed(3)),
    check('Whole system per month', `≤ $${TARGETS.totalUsdPerMonth}`, summary.totalUsdPerMonth, TARGETS.totalUsdPerMonth, (v) => `$${v.toFixed(2)}`),
    check('Transitions per no-change run', `≤ ${TARGETS.transitionsNoChange}`, summary.transitionsNoChange, TARGETS.transitionsNoChange, (v) => String(v)),
    check('Largest bundle', `≤ ${TARGETS.bundleKb} KB`, maxBundleKb, TARGETS.bundleKb, (v) => `${v.toFixed(0)} KB`),
    check('Slowest fresh import vs empty module', `≤ ${TARGETS.initRatio}x`, initRatio, TARGETS.initRatio, (v) => `${v.toFixed(2)}x`),
  ];
  return {
    meta: {
      seed: m.seed, days: m.days, runs: day.cyclesRun, runsPerDay, node: process.version, platform: `${process.platform} ${process.arch}`, cpus: cpus().length,
      startedAt: m.startedAt.toISOString(), durationS: Math.round((Date.now() - m.startedAt.getTime()) / 1000),
      dailyBudgetUsd: m.dailyBudgetUsd, defaultDailyBudgetUsd: m.defaultDailyBudgetUsd,
    },
    referenceDay: {
      scenario: day.scenario,
      signalsPlanned: sum(m.generated.plan.filter((p) => p.cycle <= day.cyclesRun).map((p) => p.signals)),
      signalsCreated: day.ours.signalsCreated,
      kinds: m.generated.kinds,
      activeRuns: active.length,
      noChangeRuns: noChange.length,
    },
    day,
    perDay: { llmUsd, naiveLlmUsd, llmRatio: summary.llmRatio, budgetReachedAt: budgetReachedAt(day, m.defaultDailyBudgetUsd) },
    bills: { ours: billJson(ours), naive: billJson(naive), totalRatio: toUsd(ours.total) / toUsd(naive.total), llmRatio: toUsd(ours.llm) / toUsd(naive.llm) },
    alarmMetrics: m.alarmMetrics,
    coldStart: m.coldStart,
    latency: m.latency,
    targets,
    summary,
  };
};
