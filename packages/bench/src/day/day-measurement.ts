import type { CycleStatus } from '@agentic-pm/local-runtime';
import type { CapacityTotals } from '../metering/capacity-meter';
import type { FunctionUsage } from '../metering/lambda-usage';
import type { ModelUsage } from '../metering/llm-usage';
import type { NaiveOutcome } from '../naive/run-naive';

/** One run of the state machine, as the bill sees it. */
export interface CycleMeasurement {
  cycle: number;
  at: string;
  status: CycleStatus;
  /** The run found new work (it entered Normalise Signals). */
  active: boolean;
  transitions: number;
  signals: number;
  invocations: number;
  llmCalls: number;
  /** The agent's model spend in this run, priced from the settings. */
  llmUsd: number;
  /** The naive baseline's model spend for the same run's signals. */
  naiveLlmUsd: number;
  wallMs: number;
}

/** Everything a bill is made of, counted over the runs of a reference day (or part of one). */
export interface DayMeasurement {
  scenario: string;
  cyclesRun: number;
  cycleMinutes: number;
  cycles: CycleMeasurement[];
  lambda: FunctionUsage[];
  dynamodb: CapacityTotals;
  ours: {
    models: ModelUsage[];
    /** The same calls grouped by what they were for (triage passes, reasoning turns, repairs), and their USD. */
    purposes: ModelUsage[];
    purposeUsd: Record<string, number>;
    /** The agent's own ledger for the same calls, as a cross-check of the meter. */
    ledgerUsd: number;
    signalsCreated: number;
    actions: { executed: number; held: number; escalated: number; blocked: number };
    jiraWrites: number;
  };
  naive: { models: ModelUsage[]; purposes: ModelUsage[]; purposeUsd: Record<string, number>; outcome: NaiveOutcome };
  emails: { sent: number; recipients: number; byKind: Record<string, number> };
  /** Custom metric data points, and in how many distinct hours each metric had data (CloudWatch prorates by the hour). */
  metrics: { points: number; byName: Record<string, { points: number; hours: number }> };
  failedCycles: number;
}
