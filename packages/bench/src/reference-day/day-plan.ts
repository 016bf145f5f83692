import type { Prng } from '../random/prng';

/** One run that will find new work: its 1-based cycle number, its scheduled time and how many signals arrive before it. */
export interface ActiveCycle {
  cycle: number;
  at: string;
  signals: number;
}

export interface DayPlanOptions {
  start: string;
  cycleMinutes: number;
  days: number;
  signalsPerDay: number;
  /** Share of runs that find something new (the design assumes about 20%). */
  activeShare: number;
}

const MINUTE_MS = 60_000;

/** Work arrives in office hours, some in the evening, little at night (UTC, the projects' zone). */
const hourWeight = (hour: number): number => {
  if (hour >= 8 && hour < 18) return 1;
  if (hour === 7 || hour === 18 || hour === 19) return 0.35;
  return 0.06;
};

/** The first office-hours run drains the night's mail, so it gets a bigger share. */
const MORNING_CATCH_UP = 2.5;

/**
 * Which runs of each day are active and how many signals each one gets: exactly
 * round(runs * activeShare) active runs a day, weighted towards office hours, and exactly
 * `signalsPerDay` signals a day, at least one per active run (largest-remainder apportionment).
 * Cycle 1 is never active: nothing can arrive before the project is registered.
 */
export const planDays = (rng: Prng, options: DayPlanOptions): ActiveCycle[] => {
  const perDay = Math.round((24 * 60) / options.cycleMinutes);
  const activePerDay = Math.round(perDay * options.activeShare);
  if (activePerDay < 1 || activePerDay > perDay - 1) throw new Error(`activeShare ${options.activeShare} gives ${activePerDay} active runs of ${perDay}`);
  if (options.signalsPerDay < activePerDay) throw new Error(`${options.signalsPerDay} signals cannot fill ${activePerDay} active runs`);
  const startMs = Date.parse(options.start);
  const plan: ActiveCycle[] = [];
  for (let day = 0; day < options.days; day++) {
    const candidates = Array.from({ length: perDay }, (_, i) => day * perDay + i + 1).filter((cycle) => cycle > 1);
    const timeOf = (cycle: number): Date => new Date(startMs + (cycle - 1) * options.cycleMinutes * MINUTE_MS);
    const chosen: number[] = [];
    const pool = new Map(candidates.map((cycle) => [cycle, hourWeight(timeOf(cycle).getUTCHours())]));
    while (chosen.length < activePerDay) {
      const cycle = rng.weighted([...pool]);
      chosen.push(cycle);
      pool.delete(cycle);
    }
    chosen.sort((a, b) => a - b);
    const morning = chosen.find((cycle) => timeOf(cycle).getUTCHours() >= 8);
    const weights = chosen.map((cycle) => (0.5 + rng.next()) * (cycle === morning ? MORNING_CATCH_UP : 1));
    const counts = apportion(options.signalsPerDay, weights);
    chosen.forEach((cycle, i) => plan.push({ cycle, at: timeOf(cycle).toISOString(), signals: counts[i] ?? 1 }));
  }
  return plan;
};

/** Splits `total` into integer parts, one at least per weight, proportional to the weights, summing exactly to `total`. */
export const apportion = (total: number, weights: readonly number[]): number[] => {
  const spare = total - weights.length;
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (spare * w) / sum);
  const parts = exact.map((x) => 1 + Math.floor(x));
  let left = total - parts.reduce((s, p) => s + p, 0);
  const byRemainder = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left === 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    left--;
  }
  return parts;
};
