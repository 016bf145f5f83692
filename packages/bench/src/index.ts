export { runBench, type BenchOptions } from './run-bench';
export { Prng, hashSeed } from './random/prng';
export { planDays, apportion, type ActiveCycle, type DayPlanOptions } from './reference-day/day-plan';
export {
  generateReferenceDay, generateBurst, generateScenario, REFERENCE_START, CYCLE_MINUTES, CYCLES_PER_DAY,
  type GeneratedScenario, type ReferenceDayOptions,
} from './reference-day/generate-scenario';
export { meterCapacity, transactWriteUnits, diffCapacity, addCapacity, zeroCapacity, CapacityMeter, type CapacityTotals } from './metering/capacity-meter';
export { itemSizeBytes, writeUnitsFor } from './metering/item-size';
export { sumUsage, purposeOf, usdOf, usdOfCalls, usdByPurpose, emptyUsage, type ModelUsage } from './metering/llm-usage';
export { lambdaUsage, type FunctionUsage } from './metering/lambda-usage';
export { alarmMetricCount } from './metering/alarm-metrics';
export { measureDay, type MeasureDayOptions } from './day/measure-day';
export type { DayMeasurement, CycleMeasurement } from './day/day-measurement';
export { rawSignals, type RawSignal } from './naive/raw-signals';
export { runNaive, type NaiveOutcome } from './naive/run-naive';
export { benchBrain } from './naive/naive-brain';
export { PRICES, modelPrices } from './pricing/prices';
export { monthlyBill, DAYS_PER_MONTH, type BillableUsage, type BillLine, type MonthlyBill } from './pricing/monthly-bill';
export { quantity, picoOf, costOfQuantity, toUsd, PICO_PER_USD, type Pico, type Quantity } from './pricing/money';
export { bundleFunctions, SST_BUILD_OPTIONS, type FunctionBundle } from './cold-start/bundle-functions';
export { measureImports, type ImportTiming } from './cold-start/import-timing';
export { measureCycleLatency, type CycleLatency } from './latency/cycle-latency';
export { assembleResult, billableUsage, budgetReachedAt, TARGETS } from './output/assemble-result';
export type { BenchResult } from './output/bench-result';
