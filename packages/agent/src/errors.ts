/** Another execution took the lease over (ours expired); this run must stop writing. */
export class LeaseLostError extends Error {
  override readonly name = 'LeaseLostError';
}

/**
 * Not a failure: another execution holds the run lease. The state machine catches it by name and
 * ends in its Skipped state, which costs one transition less on every run than a Choice would.
 */
export class RunLeaseHeld extends Error {
  override readonly name = 'RunLeaseHeld';
}

/** Named so the state machine's Retry matches it: worth another attempt with backoff. */
export class TransientError extends Error {
  override readonly name = 'TransientError';
}
