import { IntegrationError } from '@agentic-pm/domain';
import type { HttpResponse } from './http-response';
import { fullJitterDelay, serverRequestedDelay } from './retry-delay';

export interface RetryPolicy {
  /** Total attempts, the first one included. */
  maxAttempts: number;
  /** Upper bound for any single wait, including a server's Retry-After. */
  maxDelayMs: number;
  /** First backoff ceiling; it doubles with each attempt. */
  baseDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 4, maxDelayMs: 10_000, baseDelayMs: 250 };

export const retryPolicyFrom = (options: { maxAttempts?: number; maxRetryDelayMs?: number }): RetryPolicy => {
  const maxAttempts = options.maxAttempts ?? DEFAULT_RETRY_POLICY.maxAttempts;
  const maxDelayMs = options.maxRetryDelayMs ?? DEFAULT_RETRY_POLICY.maxDelayMs;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new RangeError(`maxAttempts must be an integer >= 1, got ${maxAttempts}`);
  if (!(maxDelayMs >= 0)) throw new RangeError(`maxRetryDelayMs must be >= 0, got ${maxDelayMs}`);
  return { maxAttempts, maxDelayMs, baseDelayMs: Math.min(DEFAULT_RETRY_POLICY.baseDelayMs, maxDelayMs) };
};

/** Seams for tests; production uses real time and Math.random. */
export interface RetryEnvironment {
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  now: () => number;
}

export const realRetryEnvironment: RetryEnvironment = {
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
  now: Date.now,
};

export interface RetryableCall {
  /** Names the call in errors, e.g. "Jira GET /rest/api/3/myself". */
  description: string;
  /** Statuses that mean "not processed, try later" (429, 503, ...). */
  retryStatuses: ReadonlySet<number>;
  /**
   * Retry when no response arrived (connection reset, timeout). Only safe for idempotent calls:
   * a POST may have been applied before the connection dropped.
   */
  retryNetworkErrors: boolean;
}

/**
 * Sends until a non-retryable response or the attempts run out. Returns the last response (the
 * caller maps any error status, including a final 429); throws IntegrationError when no response
 * ever arrived.
 */
export const sendWithRetry = async (
  send: () => Promise<HttpResponse>,
  call: RetryableCall,
  policy: RetryPolicy,
  env: RetryEnvironment = realRetryEnvironment,
): Promise<HttpResponse> => {
  for (let attempt = 1; ; attempt += 1) {
    const last = attempt >= policy.maxAttempts;
    let response: HttpResponse;
    try {
      response = await send();
    } catch (error) {
      // Already a named failure from inside `send` (a Graph token request that failed after its own
      // retries): not a dropped connection, so neither retried again nor reworded as "no response".
      if (error instanceof IntegrationError) throw error;
      if (!call.retryNetworkErrors || last) {
        const reason = error instanceof Error ? error.message : String(error);
        const failure = new IntegrationError(`${call.description}: no response after ${attempt} attempt(s): ${reason}`);
        failure.cause = error;
        throw failure;
      }
      await env.sleep(fullJitterDelay(attempt, policy.baseDelayMs, policy.maxDelayMs, env.random));
      continue;
    }
    if (!call.retryStatuses.has(response.status) || last) return response;
    const requested = serverRequestedDelay(response.headers, env.now());
    const delay = requested === null ? fullJitterDelay(attempt, policy.baseDelayMs, policy.maxDelayMs, env.random) : Math.min(requested, policy.maxDelayMs);
    await env.sleep(delay);
  }
};
