/** The simulated time the sandboxes answer at. The local runtime moves it before each cycle. */
export class ScenarioClock {
  #now: number;
  constructor(start: string | number) {
    this.#now = typeof start === 'number' ? start : Date.parse(start);
  }
  now(): number {
    return this.#now;
  }
  nowIso(): string {
    return new Date(this.#now).toISOString();
  }
  set(time: string | number): void {
    this.#now = typeof time === 'number' ? time : Date.parse(time);
  }
}

/** Cycle k (1-based) runs at start + (k-1) * cycleMinutes. */
export const cycleTime = (start: string, cycleMinutes: number, k: number): string =>
  new Date(Date.parse(start) + (k - 1) * cycleMinutes * 60_000).toISOString();
