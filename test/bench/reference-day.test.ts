import { describe, expect, it } from 'vitest';
import { CYCLES_PER_DAY, generateReferenceDay, Prng, REFERENCE_START } from '../../packages/bench/src/index';

const MINUTE = 60_000;

describe('the reference day generator', () => {
  it('gives the same scenario for the same seed and a different one for another seed', () => {
    // Prepare
    const seed = 7;

    // Act
    const first = generateReferenceDay({ seed });
    const again = generateReferenceDay({ seed });
    const other = generateReferenceDay({ seed: seed + 1 });

    // Assess
    expect(JSON.stringify(again.scenario)).toBe(JSON.stringify(first.scenario));
    expect(JSON.stringify(other.scenario)).not.toBe(JSON.stringify(first.scenario));
  });

  it.each([1, 2, 3, 42])('hits the design volume for seed %i: 96 runs, 200 signals, about 80%% of runs with nothing new', (seed) => {
    // Prepare
    const { scenario, plan } = generateReferenceDay({ seed });

    // Act
    const signals = scenario.jira.events.length + scenario.mail.messages.length;
    const activeRuns = new Set(plan.map((p) => p.cycle));

    // Assess
    expect(signals).toBe(200);
    expect(plan.reduce((sum, p) => sum + p.signals, 0)).toBe(200);
    expect(activeRuns.size).toBe(19);
    expect((CYCLES_PER_DAY - activeRuns.size) / CYCLES_PER_DAY).toBeCloseTo(0.8, 1);
    expect(Math.max(...activeRuns)).toBeLessThanOrEqual(CYCLES_PER_DAY);
    expect(activeRuns.has(1)).toBe(false);
  });

  it('puts every signal strictly inside the 15 minutes before its run, so each run sees exactly its own', () => {
    // Prepare
    const { scenario, plan } = generateReferenceDay({ seed: 3 });
    const start = Date.parse(REFERENCE_START);
    const runOf = (at: string): number => Math.ceil((Date.parse(at) - start) / (15 * MINUTE)) + 1;

    // Act
    const perRun = new Map<number, number>();
    for (const { at } of [...scenario.jira.events, ...scenario.mail.messages]) perRun.set(runOf(at), (perRun.get(runOf(at)) ?? 0) + 1);

    // Assess
    expect(Object.fromEntries(perRun)).toEqual(Object.fromEntries(plan.map((p) => [p.cycle, p.signals])));
    const times = [...scenario.jira.events, ...scenario.mail.messages].map((s) => Date.parse(s.at));
    expect(new Set(times).size).toBe(times.length);
  });

  it('mixes mail and Jira with noise, blockers, risks, decision requests and long quoted threads', () => {
    // Prepare
    const { scenario, kinds } = generateReferenceDay({ seed: 1 });
    const mail = scenario.mail.messages;

    // Act
    const bulk = mail.filter((m) => m.headers['List-Unsubscribe'] !== undefined);
    const autoReplies = mail.filter((m) => m.headers['Auto-Submitted'] !== undefined);
    const quotedThreads = mail.filter((m) => /^> /m.test(m.body) || /^From: .+\nSent: /m.test(m.body));

    // Assess
    expect(scenario.jira.events.length).toBeGreaterThan(60);
    expect(mail.length).toBeGreaterThan(80);
    expect(bulk.length).toBeGreaterThan(0);
    expect(autoReplies.length).toBeGreaterThan(0);
    expect(quotedThreads.length).toBeGreaterThan(5);
    expect(Math.max(...quotedThreads.map((m) => m.body.length))).toBeGreaterThan(1500);
    for (const kind of ['blocked', 'blockerMail', 'riskMail', 'decisionRequest', 'newBug', 'transition']) expect(kinds[kind] ?? 0).toBeGreaterThan(0);
  });

  it('makes several days when asked, each at the same volume', () => {
    // Prepare
    const days = 2;

    // Act
    const { plan } = generateReferenceDay({ seed: 5, days });

    // Assess
    const perDay = (d: number) => plan.filter((p) => p.cycle > d * CYCLES_PER_DAY && p.cycle <= (d + 1) * CYCLES_PER_DAY);
    expect(perDay(0).reduce((s, p) => s + p.signals, 0)).toBe(200);
    expect(perDay(1).reduce((s, p) => s + p.signals, 0)).toBe(200);
    expect(perDay(1)).toHaveLength(19);
  });
});

describe('the seeded generator', () => {
  it('repeats its sequence for a seed, differs for another, and stays in range', () => {
    // Prepare
    const draws = (seed: number): number[] => {
      const rng = new Prng(seed);
      return Array.from({ length: 50 }, () => rng.next());
    };

    // Act
    const a = draws(99);
    const b = draws(99);
    const c = draws(100);

    // Assess
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(a.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('builds a day without Math.random', () => {
    // Prepare
    const original = Math.random;
    Math.random = () => {
      throw new Error('Math.random used');
    };

    // Act
    try {
      const act = () => generateReferenceDay({ seed: 11 });

      // Assess
      expect(act).not.toThrow();
    } finally {
      Math.random = original;
    }
  });
});
