/** Faults a test can inject into a sandbox; each applies to the next requests that reach the API. */
export interface SandboxFaults {
  /**
   * The next `count` requests get 429 with `Retry-After: retryAfterSeconds` (default 1); with
   * null, a bare 429 that gives the client no hint and leaves it to its own backoff.
   */
  throttle(count: number, retryAfterSeconds?: number | null): void;
  /** The next `count` requests get `status` (default 503). */
  serverError(count: number, status?: number): void;
  /** Every later request waits `ms` before it is answered (0 turns it off). */
  delay(ms: number): void;
  /** Disarms every pending fault (the delay stays). */
  clear(): void;
  /** Calls `listener` each time a fault is served, e.g. to count what a chaos run really injected. */
  observe(listener: (fault: FiredFault) => void): void;
}

export type Fault = { kind: 'throttle'; retryAfterSeconds: number | null } | { kind: 'error'; status: number };

/** A fault as served: the sandbox's own kinds plus those a particular API adds. */
export type FiredFault = Fault | { kind: 'sync-state-lost'; code: string };

const checkCount = (count: number): void => {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`fault count must be an integer >= 0, got ${count}`);
};

/** Holds the pending faults; throttling comes before server errors when both are armed. */
export class FaultSchedule implements SandboxFaults {
  #throttled = 0;
  #retryAfterSeconds: number | null = 1;
  #errors = 0;
  #errorStatus = 503;
  #delayMs = 0;
  #listeners: Array<(fault: FiredFault) => void> = [];

  throttle(count: number, retryAfterSeconds: number | null = 1): void {
    checkCount(count);
    this.#throttled = count;
    this.#retryAfterSeconds = retryAfterSeconds;
  }

  serverError(count: number, status = 503): void {
    checkCount(count);
    if (status < 500 || status > 599) throw new RangeError(`server error status must be 5xx, got ${status}`);
    this.#errors = count;
    this.#errorStatus = status;
  }

  delay(ms: number): void {
    if (!(ms >= 0)) throw new RangeError(`delay must be >= 0 ms, got ${ms}`);
    this.#delayMs = ms;
  }

  clear(): void {
    this.#throttled = 0;
    this.#errors = 0;
  }

  observe(listener: (fault: FiredFault) => void): void {
    this.#listeners.push(listener);
  }

  get delayMs(): number {
    return this.#delayMs;
  }

  /** The fault for the current request, if any is pending; consumes it. */
  take(): Fault | null {
    if (this.#throttled > 0) {
      this.#throttled -= 1;
      return this.fired({ kind: 'throttle', retryAfterSeconds: this.#retryAfterSeconds });
    }
    if (this.#errors > 0) {
      this.#errors -= 1;
      return this.fired({ kind: 'error', status: this.#errorStatus });
    }
    return null;
  }

  protected fired<F extends FiredFault>(fault: F): F {
    for (const listener of this.#listeners) listener(fault);
    return fault;
  }
}
