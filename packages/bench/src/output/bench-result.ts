import type { CycleLatency } from '../latency/cycle-latency';
import type { DayMeasurement } from '../day/day-measurement';
import type { FunctionBundle } from '../cold-start/bundle-functions';
import type { ImportTiming } from '../cold-start/import-timing';
import type { MonthlyBill } from '../pricing/monthly-bill';
import { toNumber, toUsd } from '../pricing/money';
import type { SummaryLine } from './summary-line';

/** The JSON the benchmark writes: every measured figure, the two bills, the targets, and the summary. */
export interface BenchResult {
  meta: {
    seed: number;
    days: number;
    runs: number;
    runsPerDay: number;
    node: string;
    platform: string;
    cpus: number;
    startedAt: string;
    durationS: number;
    /** The daily budget the measured runs had, and the default one whose crossing is reported. */
    dailyBudgetUsd: number;
    defaultDailyBudgetUsd: number;
  };
  referenceDay: {
    scenario: string;
    signalsPlanned: number;
    signalsCreated: number;
    kinds: Record<string, number>;
    activeRuns: number;
    noChangeRuns: number;
  };
  day: DayMeasurement;
  perDay: { llmUsd: number; naiveLlmUsd: number; llmRatio: number; budgetReachedAt: string | null };
  bills: { ours: BillJson; naive: BillJson; totalRatio: number; llmRatio: number };
  alarmMetrics: number;
  coldStart: { bundles: FunctionBundle[]; empty: ImportTiming; imports: ImportTiming[] } | null;
  latency: CycleLatency | null;
  targets: TargetCheck[];
  summary: SummaryLine;
}

export interface BillJson {
  totalUsd: number;
  llmUsd: number;
  lines: Array<{ key: string; service: string; item: string; unit: string; llm: boolean; perMonth: number; unitPriceUsd: number; usd: number }>;
}

export interface TargetCheck {
  name: string;
  target: string;
  measured: string;
  met: boolean | null;
}

export const billJson = (bill: MonthlyBill): BillJson => ({
  totalUsd: toUsd(bill.total),
  llmUsd: toUsd(bill.llm),
  lines: bill.lines.map((l) => ({
    key: l.key, service: l.service, item: l.item, unit: l.unit, llm: l.llm,
    perMonth: toNumber(l.perMonth), unitPriceUsd: toUsd(l.unitPrice), usd: toUsd(l.cost),
  })),
});
