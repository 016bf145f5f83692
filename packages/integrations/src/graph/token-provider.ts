import { IntegrationError, redactSecrets } from '@agentic-pm/domain';
import * as z from 'zod';
import { fetchBuffered, jsonBodyOf } from '../http/http-response';
import { sendWithRetry, type RetryPolicy } from '../http/retry';

export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

/** Refresh this long before expiry (at most half the token's life), so a token never expires mid-round. */
const REFRESH_MARGIN_MS = 5 * 60_000;

const tokenSchema = z.object({ access_token: z.string().min(1), expires_in: z.coerce.number().positive() });

export interface TokenSource {
  /** A valid app-only access token, from cache when possible. */
  token(): Promise<string>;
  /** Drop a token Graph rejected, so the next call fetches a fresh one. */
  invalidate(token: string): void;
}

export interface ClientCredentials {
  authorityBaseUrl: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
}

/** Client-credentials grant against the Microsoft identity platform v2 endpoint. */
export const createTokenSource = (
  credentials: ClientCredentials,
  policy: RetryPolicy,
  timeoutMs: number,
  now: () => number = Date.now,
): TokenSource => {
  const url = `${credentials.authorityBaseUrl.replace(/\/+$/, '')}/${encodeURIComponent(credentials.tenantId)}/oauth2/v2.0/token`;
  let cached: { token: string; refreshAt: number } | undefined;
  let pending: Promise<string> | undefined;

  const request = async (): Promise<string> => {
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: credentials.clientId,
      client_secret: credentials.clientSecret,
      scope: GRAPH_SCOPE,
    });
    const description = `token request for tenant ${credentials.tenantId}`;
    const response = await sendWithRetry(
      () => fetchBuffered(url, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: form.toString(), timeoutMs }),
      { description, retryStatuses: new Set([429, 500, 503, 504]), retryNetworkErrors: true },
      policy,
    );
    const body = jsonBodyOf(response);
    if (response.status !== 200) {
      const { error, error_description: detail } = (body ?? {}) as { error?: unknown; error_description?: unknown };
      // The body may echo the form we sent; the client secret must not reach the message.
      const reason = `${typeof error === 'string' ? ` ${error}` : ''}: ${typeof detail === 'string' ? detail : response.text.slice(0, 200)}`;
      throw new IntegrationError(`${description} failed with ${response.status}${redactSecrets(reason, [credentials.clientSecret])}`, response.status);
    }
    const parsed = tokenSchema.safeParse(body);
    if (!parsed.success) throw new IntegrationError(`${description} returned no access_token/expires_in`);
    const lifetimeMs = parsed.data.expires_in * 1000;
    cached = { token: parsed.data.access_token, refreshAt: now() + lifetimeMs - Math.min(REFRESH_MARGIN_MS, lifetimeMs / 2) };
    return cached.token;
  };

  return {
    token: () => {
      if (cached && now() < cached.refreshAt) return Promise.resolve(cached.token);
      // One request in flight at a time: concurrent callers share it.
      pending ??= request().finally(() => {
        pending = undefined;
      });
      return pending;
    },
    invalidate: (token) => {
      if (cached?.token === token) cached = undefined;
    },
  };
};
