import { describe, expect, it } from 'vitest';
import { IntegrationError } from '@agentic-pm/domain';
import type { HttpResponse } from '../../../packages/integrations/src/http/http-response';
import { sendWithRetry, type RetryEnvironment, type RetryPolicy } from '../../../packages/integrations/src/http/retry';
import { fullJitterDelay, parseRateLimitReset, parseRetryAfter } from '../../../packages/integrations/src/http/retry-delay';

const NOW = Date.parse('2026-03-02T08:00:00Z');
const policy: RetryPolicy = { maxAttempts: 4, maxDelayMs: 10_000, baseDelayMs: 250 };
const call = { description: 'Test GET /x', retryStatuses: new Set([429, 503]), retryNetworkErrors: true };

const response = (status: number, headers: Record<string, string> = {}): HttpResponse => ({ status, headers: new Headers(headers), text: '' });

/** Records the sleeps instead of waiting. */
const recordingEnv = (): RetryEnvironment & { slept: number[] } => {
  const slept: number[] = [];
  return { slept, sleep: async (ms) => void slept.push(ms), random: () => 0.5, now: () => NOW };
};

const scripted = (...outcomes: Array<HttpResponse | Error>): (() => Promise<HttpResponse>) & { calls: number } => {
  const send = Object.assign(
    async (): Promise<HttpResponse> => {
      const next = outcomes[Math.min(send.calls, outcomes.length - 1)];
      send.calls += 1;
      if (next instanceof Error) throw next;
      return next as HttpResponse;
    },
    { calls: 0 },
  );
  return send;
};

describe('retry delays', () => {
  it('reads Retry-After as seconds or an HTTP date, and X-RateLimit-Reset as an ISO instant', () => {
    // Act & Assess
    expect(parseRetryAfter('3', NOW)).toBe(3000);
    expect(parseRetryAfter(new Date(NOW + 5000).toUTCString(), NOW)).toBe(5000);
    expect(parseRetryAfter('soon', NOW)).toBeNull();
    expect(parseRateLimitReset('2026-03-02T08:00:02.000Z', NOW)).toBe(2000);
    expect(parseRateLimitReset(null, NOW)).toBeNull();
  });

  it('keeps full-jitter backoff under the doubling ceiling and the cap', () => {
    // Act
    const delays = [1, 2, 3, 10].map((attempt) => fullJitterDelay(attempt, 250, 1000, () => 0.999));

    // Assess
    expect(delays).toEqual([249, 499, 999, 999]);
  });
});

describe('sendWithRetry', () => {
  it('waits what Retry-After asks, then succeeds', async () => {
    // Prepare
    const env = recordingEnv();
    const send = scripted(response(429, { 'Retry-After': '2' }), response(503, { 'X-RateLimit-Reset': new Date(NOW + 1500).toISOString() }), response(200));

    // Act
    const result = await sendWithRetry(send, call, policy, env);

    // Assess
    expect(result.status).toBe(200);
    expect(env.slept).toEqual([2000, 1500]);
  });

  it('caps a long Retry-After at maxDelayMs and backs off with jitter when there is no hint', async () => {
    // Prepare
    const env = recordingEnv();
    const send = scripted(response(429, { 'Retry-After': '120' }), response(503), response(200));

    // Act
    await sendWithRetry(send, call, { ...policy, maxDelayMs: 300 }, env);

    // Assess: the second wait is jitter: 0.5 * min(300, 250 * 2).
    expect(env.slept).toEqual([300, 150]);
  });

  it('returns the last throttled response after maxAttempts', async () => {
    // Prepare
    const send = scripted(response(429, { 'Retry-After': '0' }));

    // Act
    const result = await sendWithRetry(send, call, policy, recordingEnv());

    // Assess
    expect(result.status).toBe(429);
    expect(send.calls).toBe(4);
  });

  it('does not retry other statuses', async () => {
    // Prepare
    const send = scripted(response(400), response(200));

    // Act
    const result = await sendWithRetry(send, call, policy, recordingEnv());

    // Assess
    expect(result.status).toBe(400);
    expect(send.calls).toBe(1);
  });

  it('retries network errors only for idempotent calls', async () => {
    // Prepare
    const idempotent = scripted(new TypeError('fetch failed'), response(200));
    const nonIdempotent = scripted(new TypeError('fetch failed'), response(200));

    // Act
    const ok = await sendWithRetry(idempotent, call, policy, recordingEnv());
    const failure = sendWithRetry(nonIdempotent, { ...call, retryNetworkErrors: false }, policy, recordingEnv());

    // Assess
    expect(ok.status).toBe(200);
    await expect(failure).rejects.toThrow(IntegrationError);
    await expect(failure).rejects.toThrow(/Test GET \/x: no response after 1 attempt\(s\): fetch failed/);
    expect(nonIdempotent.calls).toBe(1);
  });
});
