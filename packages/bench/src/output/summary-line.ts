/** The one-line JSON the benchmark prints last, for scripts and CI to read. */
export interface SummaryLine {
  llmUsdPerDay: number;
  naiveLlmUsdPerDay: number;
  llmRatio: number;
  totalUsdPerMonth: number;
  naiveTotalUsdPerMonth: number;
  transitionsNoChange: number;
  transitionsActive: number;
  maxBundleKb: number | null;
  maxInitMs: number | null;
  initRatio: number | null;
  noChangeCycleMs: number | null;
  activeCycleMs: number | null;
}

const round = (value: number | null, digits: number): number | null => (value === null || !Number.isFinite(value) ? null : Number(value.toFixed(digits)));

/** Rounded to what the measurement can support, keys in a fixed order. */
export const summaryLine = (s: SummaryLine): string =>
  JSON.stringify({
    llmUsdPerDay: round(s.llmUsdPerDay, 4),
    naiveLlmUsdPerDay: round(s.naiveLlmUsdPerDay, 4),
    llmRatio: round(s.llmRatio, 3),
    totalUsdPerMonth: round(s.totalUsdPerMonth, 2),
    naiveTotalUsdPerMonth: round(s.naiveTotalUsdPerMonth, 2),
    transitionsNoChange: s.transitionsNoChange,
    transitionsActive: s.transitionsActive,
    maxBundleKb: round(s.maxBundleKb, 1),
    maxInitMs: round(s.maxInitMs, 1),
    initRatio: round(s.initRatio, 2),
    noChangeCycleMs: round(s.noChangeCycleMs, 0),
    activeCycleMs: round(s.activeCycleMs, 0),
  });
