import { IntegrationError, redactSecrets, toJsonPath } from '@agentic-pm/domain';
import type * as z from 'zod';
import { fetchBuffered, isSuccess, jsonBodyOf, type HttpResponse } from '../http/http-response';
import { retryPolicyFrom, sendWithRetry } from '../http/retry';
import type { JiraClientConfig } from './types';

export type JiraMethod = 'GET' | 'POST' | 'PUT';

export interface JiraRequest {
  query?: Record<string, string | number>;
  body?: unknown;
  /** Safe to resend after a dropped connection. Defaults to true except for POST. */
  idempotent?: boolean;
}

/** Authenticated JSON calls to one Jira site, with bounded retry on 429/503. */
export interface JiraHttp {
  /** Sends and returns the JSON body (undefined for 204). Throws IntegrationError on any error status. */
  call(method: JiraMethod, path: string, request?: JiraRequest): Promise<unknown>;
  /** As `call`, then validates the body against `schema`. */
  read<S extends z.ZodType>(schema: S, method: JiraMethod, path: string, request?: JiraRequest): Promise<z.infer<S>>;
}

const RETRY_STATUSES: ReadonlySet<number> = new Set([429, 503]);
const DEFAULT_TIMEOUT_MS = 30_000;

/** Jira's error body: `{ errorMessages: [...], errors: { field: message } }`. */
const jiraErrorText = (response: HttpResponse): string => {
  const body = jsonBodyOf(response);
  if (typeof body === 'object' && body !== null) {
    const { errorMessages, errors, message } = body as { errorMessages?: unknown; errors?: unknown; message?: unknown };
    const parts: string[] = [];
    if (Array.isArray(errorMessages)) parts.push(...errorMessages.filter((m): m is string => typeof m === 'string'));
    if (typeof errors === 'object' && errors !== null) {
      for (const [field, text] of Object.entries(errors)) parts.push(`${field}: ${String(text)}`);
    }
    if (typeof message === 'string') parts.push(message);
    if (parts.length > 0) return parts.join('; ');
  }
  return response.text.trim().slice(0, 200) || '(empty body)';
};

export const createJiraHttp = (config: JiraClientConfig): JiraHttp => {
  const baseUrl = config.baseUrl.replace(/\/+$/, '');
  const authorization = `Basic ${Buffer.from(`${config.email}:${config.apiToken}`).toString('base64')}`;
  // An error body may echo the request (proxies, debug endpoints): the message must not carry the credential.
  const scrub = (text: string): string => redactSecrets(text, [config.apiToken, `${config.email}:${config.apiToken}`]);
  const policy = retryPolicyFrom(config);
  const timeoutMs = config.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS;

  const call = async (method: JiraMethod, path: string, request: JiraRequest = {}): Promise<unknown> => {
    const url = new URL(baseUrl + path);
    for (const [name, value] of Object.entries(request.query ?? {})) url.searchParams.set(name, String(value));
    const headers: Record<string, string> = { Authorization: authorization, Accept: 'application/json' };
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';
    const description = `Jira ${method} ${path}`;
    const response = await sendWithRetry(
      () => fetchBuffered(url.href, { method, headers, body: request.body === undefined ? undefined : JSON.stringify(request.body), timeoutMs }),
      { description, retryStatuses: RETRY_STATUSES, retryNetworkErrors: request.idempotent ?? method !== 'POST' },
      policy,
    );
    if (!isSuccess(response)) {
      const retried = RETRY_STATUSES.has(response.status) ? ` (after ${policy.maxAttempts} attempts)` : '';
      throw new IntegrationError(scrub(`${description} failed with ${response.status}${retried}: ${jiraErrorText(response)}`), response.status);
    }
    return jsonBodyOf(response);
  };

  const read = async <S extends z.ZodType>(schema: S, method: JiraMethod, path: string, request?: JiraRequest): Promise<z.infer<S>> => {
    const body = await call(method, path, request);
    const parsed = schema.safeParse(body);
    if (parsed.success) return parsed.data;
    const issues = parsed.error.issues.slice(0, 3).map((issue) => `${toJsonPath(issue.path)}: ${issue.message}`);
    throw new IntegrationError(`Jira ${method} ${path} returned an unexpected body: ${issues.join('; ')}`);
  };

  return { call, read };
};

/** Issue keys and ids go into paths; encode them so a stray character cannot change the route. */
export const issuePath = (issueKeyOrId: string, suffix = ''): string => `/rest/api/3/issue/${encodeURIComponent(issueKeyOrId)}${suffix}`;
