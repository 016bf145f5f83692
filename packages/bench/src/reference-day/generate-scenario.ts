import { parseScenario, type Scenario, type ScenarioInput } from '@agentic-pm/scenario';
import { hashSeed, Prng } from '../random/prng';
import { PROJECTS } from './cast';
import { planDays, type ActiveCycle } from './day-plan';
import { IssueTracker } from './issue-tracker';
import type { JiraEventInput, MessageInput } from './signal-context';
import { generateSignal } from './signal-mix';

export const REFERENCE_START = '2026-03-02T00:00:00Z';
export const CYCLE_MINUTES = 15;
export const CYCLES_PER_DAY = (24 * 60) / CYCLE_MINUTES;

/** Signals land between these margins of their run's 15-minute window, never on a boundary. */
const WINDOW_MARGIN_S = 30;

export interface GeneratedScenario {
  scenario: Scenario;
  /** The runs that will find new work, with the number of signals each. */
  plan: ActiveCycle[];
  /** Signals per kind, for the report. */
  kinds: Record<string, number>;
}

/**
 * A valid scenario whose signals arrive exactly as planned: each active run's signals at
 * distinct seconds inside the window just before it, so each run sees exactly its own.
 */
export const generateScenario = (options: { seed: number; name: string; start: string; plan: ActiveCycle[] }): GeneratedScenario => {
  const root = new Prng(hashSeed(`agentic-pm-bench:${options.seed}`));
  const startMs = Date.parse(options.start);
  const tracker = new IssueTracker(root.fork('backlog'), PROJECTS, startMs);
  // Snapshot before the day's events move issues along or add new ones.
  const issues = tracker.initialIssues();
  const content = root.fork('content');
  const events: JiraEventInput[] = [];
  const messages: MessageInput[] = [];
  const kinds: Record<string, number> = {};
  for (const { at, signals } of options.plan) {
    const endMs = Date.parse(at) - WINDOW_MARGIN_S * 1000;
    const spanS = CYCLE_MINUTES * 60 - 2 * WINDOW_MARGIN_S;
    if (signals > spanS) throw new Error(`${signals} signals do not fit in one ${CYCLE_MINUTES}-minute window`);
    const offsets = content.sample(Array.from({ length: spanS }, (_, i) => i), signals).sort((a, b) => b - a);
    for (const offset of offsets) {
      const signal = generateSignal(content, { tracker }, PROJECTS, new Date(endMs - offset * 1000).toISOString());
      kinds[signal.kind] = (kinds[signal.kind] ?? 0) + 1;
      if ('mail' in signal) messages.push(signal.mail);
      else events.push(signal.jira);
    }
  }
  const input: ScenarioInput = {
    name: options.name,
    start: options.start,
    cycleMinutes: CYCLE_MINUTES,
    projects: PROJECTS.map((p) => p.config),
    jira: { issues, events },
    mail: { messages },
  };
  return { scenario: parseScenario(input, `generated scenario "${options.name}"`), plan: options.plan, kinds };
};

export interface ReferenceDayOptions {
  seed: number;
  days?: number;
  signalsPerDay?: number;
  activeShare?: number;
}

/** The design's reference volume: 96 runs a day, about 200 signals a day, about 80% of runs with nothing new. */
export const generateReferenceDay = (options: ReferenceDayOptions): GeneratedScenario => {
  const days = options.days ?? 1;
  const plan = planDays(new Prng(hashSeed(`agentic-pm-bench-plan:${options.seed}`)), {
    start: REFERENCE_START,
    cycleMinutes: CYCLE_MINUTES,
    days,
    signalsPerDay: options.signalsPerDay ?? 200,
    activeShare: options.activeShare ?? 0.2,
  });
  return generateScenario({ seed: options.seed, name: `reference-${days}d-seed-${options.seed}`, start: REFERENCE_START, plan });
};

/** A burst of `signals` arriving before cycle 2 of an office-hours start, for the latency measurement. */
export const generateBurst = (options: { seed: number; signals: number }): GeneratedScenario => {
  const start = '2026-03-03T08:00:00Z';
  const at = new Date(Date.parse(start) + CYCLE_MINUTES * 60_000).toISOString();
  return generateScenario({ seed: options.seed, name: `burst-${options.signals}-seed-${options.seed}`, start, plan: [{ cycle: 2, at, signals: options.signals }] });
};
