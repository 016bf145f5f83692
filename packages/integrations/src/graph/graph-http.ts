import { IntegrationError, redactSecrets } from '@agentic-pm/domain';
import { fetchBuffered, isSuccess, jsonBodyOf, type HttpResponse } from '../http/http-response';
import { sendWithRetry, type RetryPolicy } from '../http/retry';
import { Semaphore } from '../http/semaphore';
import { GraphApiError } from './graph-error';
import type { TokenSource } from './token-provider';

/** Graph allows 4 concurrent requests per mailbox; more are answered with 429. */
export const MAX_CONCURRENT_PER_MAILBOX = 4;

const RETRY_STATUSES: ReadonlySet<number> = new Set([429, 503, 504]);

export interface GraphHttp {
  /** GET an absolute Graph URL on behalf of `mailbox`; returns the JSON body or throws GraphApiError. */
  get(url: string, mailbox: string, headers?: Record<string, string>): Promise<unknown>;
}

/** `tokens` are the access tokens the request carried: an error body that echoes the request must not leak them. */
const graphError = (response: HttpResponse, what: string, tokens: readonly string[]): GraphApiError => {
  const body = jsonBodyOf(response) as { error?: { code?: unknown; message?: unknown } } | undefined;
  const code = typeof body?.error?.code === 'string' ? body.error.code : null;
  const message = typeof body?.error?.message === 'string' ? body.error.message : response.text.slice(0, 200) || '(empty body)';
  return new GraphApiError(redactSecrets(`${what} failed with ${response.status}${code ? ` ${code}` : ''}: ${message}`, tokens), response.status, code);
};

/**
 * The path and query of a Graph link, to store as a cursor: it keeps working if the endpoint's
 * origin is configured differently later (a national cloud, a local sandbox on another port).
 */
export const relativeGraphLink = (link: string): string => {
  const url = new URL(link, 'http://relative.invalid');
  return `${url.pathname}${url.search}`;
};

export const createGraphHttp = (graphBaseUrl: string, tokens: TokenSource, policy: RetryPolicy, timeoutMs: number): GraphHttp => {
  const origin = new URL(graphBaseUrl).origin;
  const semaphores = new Map<string, Semaphore>();
  const semaphoreFor = (mailbox: string): Semaphore => {
    const key = mailbox.toLowerCase();
    let semaphore = semaphores.get(key);
    if (!semaphore) semaphores.set(key, (semaphore = new Semaphore(MAX_CONCURRENT_PER_MAILBOX)));
    return semaphore;
  };

  return {
    get: async (link, mailbox, headers = {}) => {
      // A stored link may be relative (see relativeGraphLink); it is resolved against the configured endpoint.
      const url = new URL(link, graphBaseUrl).href;
      // Links come back from Graph and are stored between runs; never send the token anywhere else.
      if (new URL(url).origin !== origin) throw new IntegrationError(`refusing to follow a Graph link outside ${origin}: ${new URL(url).pathname}`);
      const what = `Graph GET ${new URL(url).pathname} for ${mailbox}`;
      const sent = new Set<string>();
      const attempt = async (): Promise<HttpResponse> => {
        const token = await tokens.token();
        sent.add(token);
        // The permit is held per attempt, not across backoff sleeps.
        const response = await semaphoreFor(mailbox).run(() =>
          fetchBuffered(url, { method: 'GET', headers: { ...headers, Authorization: `Bearer ${token}`, Accept: 'application/json' }, timeoutMs }),
        );
        if (response.status === 401) tokens.invalidate(token);
        return response;
      };
      let response = await sendWithRetry(attempt, { description: what, retryStatuses: RETRY_STATUSES, retryNetworkErrors: true }, policy);
      // A token revoked or expired early: one fresh token, one more try.
      if (response.status === 401) response = await sendWithRetry(attempt, { description: what, retryStatuses: RETRY_STATUSES, retryNetworkErrors: true }, policy);
      if (!isSuccess(response)) throw graphError(response, what, [...sent]);
      return jsonBodyOf(response);
    },
  };
};
