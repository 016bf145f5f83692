import type { ModelPrice } from '@agentic-pm/domain';
import type { ModelUsage } from '../metering/llm-usage';
import { costOfQuantity, picoOf, quantity, scale, fromDecimal, type Pico, type Quantity } from './money';
import { modelLabel, modelPrices, PRICES } from './prices';

export const DAYS_PER_MONTH = 30;
const HOURS_PER_MONTH = 24 * DAYS_PER_MONTH;

/** What one design used over `runs` scheduled runs, in the units AWS bills. */
export interface BillableUsage {
  runs: number;
  runsPerDay: number;
  transitions: number;
  lambdaRequests: number;
  /** Configured memory x billed duration, summed. */
  lambdaMbMs: number;
  readUnits: number;
  writeUnits: number;
  models: readonly ModelUsage[];
  /** SES recipients (each one is billed as an email). */
  emails: number;
  /** Hours with data, summed over custom metrics. */
  metricHours: number;
  /** Metrics watched by alarms: a fixed monthly charge. */
  alarmMetrics: number;
}

export interface BillLine {
  /** Stable across designs, to line the two bills up. */
  key: string;
  service: string;
  item: string;
  unit: string;
  llm: boolean;
  perMonth: Quantity;
  unitPrice: Pico;
  cost: Pico;
}

export interface MonthlyBill {
  lines: BillLine[];
  total: Pico;
  llm: Pico;
}

type Prices = { [K in keyof typeof PRICES]: number };

/**
 * A 30-day bill from a measured stretch of runs: per-run usage is scaled to a month
 * (30 x runsPerDay / runs), fixed monthly charges (alarms) are not, and custom metrics are
 * prorated by the hours they had data.
 */
export const monthlyBill = (usage: BillableUsage, prices: Prices = PRICES, models: Record<string, ModelPrice> = modelPrices()): MonthlyBill => {
  if (!Number.isInteger(usage.runs) || usage.runs < 1) throw new Error(`runs must be a positive integer, got ${usage.runs}`);
  const toMonth = quantity(DAYS_PER_MONTH * usage.runsPerDay, usage.runs);
  const lines: BillLine[] = [];
  const add = (service: string, item: string, unit: string, perMonth: Quantity, unitPriceUsd: number, llm = false): void => {
    const unitPrice = picoOf(unitPriceUsd);
    lines.push({ key: `${service} · ${item}`, service, item, unit, llm, perMonth, unitPrice, cost: costOfQuantity(perMonth, unitPrice) });
  };

  for (const m of usage.models) {
    const price = models[m.modelId];
    if (price === undefined) throw new Error(`no price for model "${m.modelId}"`);
    const label = modelLabel(m.modelId);
    // Prices are per million tokens; a per-token price in pico-dollars is price x 1e6, exact.
    add('Bedrock', `${label} input`, 'tokens', scale(quantity(m.inputTokens), toMonth), price.inputPerMTok / 1e6, true);
    add('Bedrock', `${label} output`, 'tokens', scale(quantity(m.outputTokens), toMonth), price.outputPerMTok / 1e6, true);
    add('Bedrock', `${label} cache read`, 'tokens', scale(quantity(m.cacheReadTokens), toMonth), price.cacheReadPerMTok / 1e6, true);
    add('Bedrock', `${label} cache write`, 'tokens', scale(quantity(m.cacheWriteTokens), toMonth), price.cacheWritePerMTok / 1e6, true);
  }
  add('Step Functions', 'state transitions', 'transitions', scale(quantity(usage.transitions), toMonth), prices.stepFunctionsPerTransition);
  add('Lambda', 'duration (arm64)', 'GB-s', scale(quantity(usage.lambdaMbMs, 1024 * 1000), toMonth), prices.lambdaArmPerGbSecond);
  add('Lambda', 'requests', 'requests', scale(quantity(usage.lambdaRequests), toMonth), prices.lambdaPerRequest);
  add('DynamoDB', 'read request units', 'RRU', scale(fromDecimal(usage.readUnits), toMonth), prices.dynamoDbPerReadUnit);
  add('DynamoDB', 'write request units', 'WRU', scale(fromDecimal(usage.writeUnits), toMonth), prices.dynamoDbPerWriteUnit);
  add('SES', 'emails', 'emails', scale(quantity(usage.emails), toMonth), prices.sesPerEmail);
  add('CloudWatch', 'custom metrics (EMF)', 'metric-months', scale(quantity(usage.metricHours, HOURS_PER_MONTH), toMonth), prices.cloudWatchPerMetricMonth);
  add('CloudWatch', 'alarms', 'alarm metrics', quantity(usage.alarmMetrics), prices.cloudWatchPerAlarmMetricMonth);
  add('EventBridge Scheduler', 'invocations', 'invocations', scale(quantity(usage.runs), toMonth), prices.schedulerPerInvocation);

  const total = lines.reduce((sum, l) => sum + l.cost, 0n);
  const llm = lines.filter((l) => l.llm).reduce((sum, l) => sum + l.cost, 0n);
  return { lines, total, llm };
};
