import type { Scenario, ScenarioClock } from '@agentic-pm/scenario';
import { FaultSchedule, type SandboxFaults } from '../http/faults';
import { sleep, startLoopbackServer, type SandboxRequest, type SandboxResponse } from '../http/loopback-server';
import { JiraApi, jiraError, type SearchParams } from './jira-api';
import { JiraWorld } from './jira-world';
import { assertTimeZone } from './time-zone';
import { Workflow } from './workflow';

export interface JiraSandboxOptions {
  scenario: Scenario;
  clock: ScenarioClock;
  /** Basic-auth user; default `agent@sandbox.test`. */
  email?: string;
  /** Basic-auth API token; default `sandbox-token`. */
  apiToken?: string;
  /** The account's IANA time zone: how bare JQL dates are read and timestamps are shown. Default UTC. */
  timeZone?: string;
  host?: '127.0.0.1';
}

export interface JiraSandboxWrite {
  /** Simulated time of the write, ISO UTC. */
  at: string;
  issue: string;
  kind: 'comment' | 'transition' | 'field';
  detail: string;
  /** Everything the write put in Jira (comment body or fields) as JSON, for leak checks. */
  text: string;
}

export interface JiraRequestRecord {
  method: string;
  path: string;
  /** The query string, `?...` or empty. */
  query: string;
  /** The JQL of a search request. */
  jql?: string;
}

export interface JiraSandbox {
  baseUrl: string;
  email: string;
  apiToken: string;
  faults: SandboxFaults;
  close(): Promise<void>;
  writes(): JiraSandboxWrite[];
  requestLog(): JiraRequestRecord[];
}

const ISSUE_ROUTE = /^\/rest\/api\/3\/issue\/([^/]+)(?:\/(comment|transitions|changelog))?\/?$/;

const parseJson = (text: string): { ok: true; value: unknown } | { ok: false } => {
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
};

const list = (value: unknown): string[] | undefined =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' ? value.split(',') : undefined;

const searchParams = (request: SandboxRequest, body: unknown): SearchParams | null => {
  if (request.method === 'GET') {
    const q = request.url.searchParams;
    const jql = q.get('jql');
    if (jql === null) return null;
    const maxResults = q.get('maxResults');
    return { jql, fields: list(q.get('fields') ?? undefined), expand: list(q.get('expand') ?? undefined), maxResults: maxResults === null ? undefined : Number(maxResults), nextPageToken: q.get('nextPageToken') ?? undefined };
  }
  const b = (body ?? {}) as Record<string, unknown>;
  if (typeof b.jql !== 'string') return null;
  return {
    jql: b.jql,
    fields: list(b.fields),
    expand: list(b.expand),
    maxResults: typeof b.maxResults === 'number' ? b.maxResults : undefined,
    nextPageToken: typeof b.nextPageToken === 'string' ? b.nextPageToken : undefined,
  };
};

const route = (api: JiraApi, request: SandboxRequest, body: unknown): SandboxResponse => {
  const { method } = request;
  const path = request.url.pathname;
  if (path === '/rest/api/3/myself' && method === 'GET') return api.myself();
  if (path === '/rest/api/3/search' || path === '/rest/api/2/search') {
    return jiraError(410, ['The requested API has been removed. Please migrate to the /rest/api/3/search/jql API.']);
  }
  if (path === '/rest/api/3/search/jql' && (method === 'GET' || method === 'POST')) {
    const params = searchParams(request, body);
    return params ? api.search(params) : jiraError(400, ['The search needs a "jql" query.']);
  }
  const issue = ISSUE_ROUTE.exec(path);
  if (issue) {
    const key = decodeURIComponent(issue[1] ?? '');
    switch (`${method} ${issue[2] ?? ''}`) {
      case 'GET ': return api.getIssue(key, request.url);
      case 'PUT ': return api.editIssue(key, body);
      case 'GET comment': return api.getComments(key, request.url);
      case 'POST comment': return api.addComment(key, body);
      case 'GET transitions': return api.getTransitions(key);
      case 'POST transitions': return api.transition(key, body);
      case 'GET changelog': return api.getChangelog(key, request.url);
    }
  }
  return jiraError(404, [`The sandbox has no ${method} ${path}.`]);
};

/** A loopback Jira Cloud (REST v3) seeded from a scenario and answering at the scenario clock's time. */
export const startJiraSandbox = async (options: JiraSandboxOptions): Promise<JiraSandbox> => {
  const email = options.email ?? 'agent@sandbox.test';
  const apiToken = options.apiToken ?? 'sandbox-token';
  const timeZone = options.timeZone ?? 'UTC';
  assertTimeZone(timeZone);
  const expectedAuth = `Basic ${Buffer.from(`${email}:${apiToken}`).toString('base64')}`;
  const world = new JiraWorld(options.scenario);
  const workflow = new Workflow(options.scenario);
  const faults = new FaultSchedule();
  const log: JiraRequestRecord[] = [];
  let api: JiraApi | undefined;

  const server = await startLoopbackServer(async (request) => {
    const parsed = parseJson(request.body);
    const body = parsed.ok ? parsed.value : undefined;
    const jql = request.url.pathname === '/rest/api/3/search/jql' ? searchParams(request, body)?.jql : undefined;
    log.push({ method: request.method, path: request.url.pathname, query: request.url.search, ...(jql === undefined ? {} : { jql }) });

    if (faults.delayMs > 0) await sleep(faults.delayMs);
    const fault = faults.take();
    if (fault?.kind === 'throttle') {
      // Jira sometimes sends neither hint; the client then falls back to its own backoff.
      const headers = fault.retryAfterSeconds === null
        ? undefined
        : { 'Retry-After': String(fault.retryAfterSeconds), 'X-RateLimit-Reset': new Date(Date.now() + fault.retryAfterSeconds * 1000).toISOString() };
      return { status: 429, ...(headers ? { headers } : {}), json: { errorMessages: ['Rate limit exceeded.'], errors: {} } };
    }
    if (fault?.kind === 'error') return jiraError(fault.status, ['Service temporarily unavailable.']);
    if (request.headers.authorization !== expectedAuth) return jiraError(401, ['Client must be authenticated to access this resource.']);
    if (!parsed.ok) return jiraError(400, ['Request body is not valid JSON.']);
    if (!api) throw new Error('sandbox not ready');
    return route(api, request, body);
  }, options.host);

  api = new JiraApi(options.scenario, world, workflow, { baseUrl: server.baseUrl, timeZone, workflow }, () => options.clock.now(), email);

  return {
    baseUrl: server.baseUrl,
    email,
    apiToken,
    faults,
    close: server.close,
    writes: () => world.writes.map((w) => ({ at: new Date(w.atMs).toISOString(), issue: w.issueKey, kind: w.kind, detail: w.detail, text: JSON.stringify(w.kind === 'comment' ? w.body : w.fields) })),
    requestLog: () => log.map((entry) => ({ ...entry })),
  };
};
