import type { Scenario, ScenarioClock } from '@agentic-pm/scenario';
import { sleep, startLoopbackServer, type SandboxRequest, type SandboxResponse } from '../http/loopback-server';
import { DeltaApi, graphError } from './delta-api';
import { GraphFaultSchedule, type GraphSandboxFaults } from './graph-faults';
import { MailStore } from './mail-store';
import { TokenIssuer } from './token-issuer';

export interface GraphSandboxOptions {
  scenario: Scenario;
  clock: ScenarioClock;
  /** Defaults: `sandbox-tenant`, `sandbox-client`, `sandbox-secret`. */
  tenantId?: string;
  clientId?: string;
  clientSecret?: string;
}

export interface GraphRequestRecord {
  method: string;
  path: string;
  /** The query string, `?...` or empty. */
  query: string;
}

export interface GraphSandbox {
  /** Serves `/v1.0/...`. */
  graphBaseUrl: string;
  /** Serves `/{tenant}/oauth2/v2.0/token`; the same server as graphBaseUrl. */
  authorityBaseUrl: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  faults: GraphSandboxFaults;
  /** Deletes a message: later delta rounds that already delivered it report it as `@removed`. */
  removeMessage(id: string): void;
  requestLog(): GraphRequestRecord[];
  /** Access tokens issued so far. */
  tokensIssued(): number;
  /** The most Graph requests that were in flight at once for `mailbox`. */
  peakConcurrency(mailbox: string): number;
  close(): Promise<void>;
}

/** Graph answers 429 beyond this many concurrent requests to one mailbox. */
const MAILBOX_CONCURRENCY = 4;

const TOKEN_ROUTE = /^\/([^/]+)\/oauth2\/v2\.0\/token$/;
const DELTA_ROUTE = /^\/v1\.0\/users\/([^/]+)\/mailFolders\/([^/]+)\/messages\/delta$/;

/** A loopback Microsoft identity platform + Graph mail API over a scenario's messages. */
export const startGraphSandbox = async (options: GraphSandboxOptions): Promise<GraphSandbox> => {
  const app = {
    tenantId: options.tenantId ?? 'sandbox-tenant',
    clientId: options.clientId ?? 'sandbox-client',
    clientSecret: options.clientSecret ?? 'sandbox-secret',
  };
  const store = new MailStore(options.scenario);
  const issuer = new TokenIssuer(app);
  const faults = new GraphFaultSchedule();
  const log: GraphRequestRecord[] = [];
  const inFlight = new Map<string, number>();
  const peak = new Map<string, number>();
  let baseUrl = '';
  const deltas = new DeltaApi(store, () => baseUrl, () => options.clock.now(), faults);

  const graph = async (request: SandboxRequest): Promise<SandboxResponse> => {
    if (!issuer.isValid(request.headers.authorization)) {
      return graphError(401, 'InvalidAuthenticationToken', request.headers.authorization ? 'Access token validation failure. Invalid audience or expired token.' : 'Access token is empty.');
    }
    const path = request.url.pathname;
    if (path.startsWith('/v1.0/me/')) return graphError(400, 'BadRequest', '/me request is only valid with delegated authentication flow.');
    const route = DELTA_ROUTE.exec(path);
    if (!route || request.method !== 'GET') return graphError(400, 'BadRequest', `The sandbox serves only GET /v1.0/users/{id}/mailFolders/inbox/messages/delta, not ${request.method} ${path}.`);
    const mailbox = decodeURIComponent(route[1] ?? '').toLowerCase();
    if (!store.hasMailbox(mailbox)) return graphError(404, 'ErrorInvalidUser', `The requested user '${mailbox}' is invalid.`);
    if ((route[2] ?? '').toLowerCase() !== 'inbox') return graphError(404, 'ErrorItemNotFound', `The sandbox has only the inbox folder, not '${route[2] ?? ''}'.`);

    const running = (inFlight.get(mailbox) ?? 0) + 1;
    inFlight.set(mailbox, running);
    peak.set(mailbox, Math.max(peak.get(mailbox) ?? 0, running));
    try {
      if (faults.delayMs > 0) await sleep(faults.delayMs);
      if (running > MAILBOX_CONCURRENCY) {
        return graphError(429, 'ApplicationThrottled', 'Application is over its MailboxConcurrency limit.', { 'Retry-After': '1' });
      }
      const fault = faults.take();
      if (fault?.kind === 'throttle') {
        return graphError(429, 'TooManyRequests', 'Too many requests. Retry after the time in the Retry-After header.', fault.retryAfterSeconds === null ? undefined : { 'Retry-After': String(fault.retryAfterSeconds) });
      }
      if (fault?.kind === 'error') return graphError(fault.status, 'ServiceUnavailable', 'The service is temporarily unavailable.');
      const prefer = request.headers.prefer;
      return deltas.delta(mailbox, request.url, Array.isArray(prefer) ? prefer.join(',') : prefer);
    } finally {
      inFlight.set(mailbox, (inFlight.get(mailbox) ?? 1) - 1);
    }
  };

  const server = await startLoopbackServer(async (request) => {
    log.push({ method: request.method, path: request.url.pathname, query: request.url.search });
    const token = TOKEN_ROUTE.exec(request.url.pathname);
    if (token && request.method === 'POST') return issuer.issue(decodeURIComponent(token[1] ?? ''), new URLSearchParams(request.body));
    return graph(request);
  });
  baseUrl = server.baseUrl;

  return {
    graphBaseUrl: server.baseUrl,
    authorityBaseUrl: server.baseUrl,
    ...app,
    faults,
    removeMessage: (id) => store.remove(id),
    requestLog: () => log.map((entry) => ({ ...entry })),
    tokensIssued: () => issuer.issuedCount,
    peakConcurrency: (mailbox) => peak.get(mailbox.toLowerCase()) ?? 0,
    close: server.close,
  };
};
