/**
 * How long to wait before the next attempt. A server's own hint wins over our backoff; both are
 * capped so one call never sleeps past what a Lambda invocation can afford.
 */

/** `Retry-After`: delta-seconds or an HTTP-date. Null when absent or unreadable. */
export const parseRetryAfter = (value: string | null, nowMs: number): number | null => {
  if (value === null || value.trim() === '') return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - nowMs);
};

/** Jira's `X-RateLimit-Reset`: the ISO 8601 instant the quota refills. */
export const parseRateLimitReset = (value: string | null, nowMs: number): number | null => {
  if (value === null || value.trim() === '') return null;
  const reset = Date.parse(value.trim());
  return Number.isNaN(reset) ? null : Math.max(0, reset - nowMs);
};

/** Exponential backoff with full jitter: uniform in [0, min(cap, base * 2^(attempt-1))). */
export const fullJitterDelay = (attempt: number, baseDelayMs: number, maxDelayMs: number, random: () => number): number => {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
};

export const serverRequestedDelay = (headers: Headers, nowMs: number): number | null =>
  parseRetryAfter(headers.get('retry-after'), nowMs) ?? parseRateLimitReset(headers.get('x-ratelimit-reset'), nowMs);
