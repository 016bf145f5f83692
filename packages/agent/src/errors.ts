/** Another execution took the lease over (ours expired); this run must stop writing. */
export class LeaseLostError extends Error {
  override readonly name = 'LeaseLostError';
}

/** Named so the state machine's Retry matches it: worth another attempt with backoff. */
export class TransientError extends Error {
  override readonly name = 'TransientError';
}
