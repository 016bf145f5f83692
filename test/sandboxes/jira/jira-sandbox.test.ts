import { afterEach, describe, expect, it } from 'vitest';
import { ScenarioClock, type Scenario } from '@agentic-pm/scenario';
import { startJiraSandbox, type JiraSandbox } from '../../../packages/sandboxes/src/jira';
import { at, scenarioWith } from '../fixtures';

/** Raw wire JSON: these tests check the API's shapes, so they read it untyped. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type WireJson = any;

const open: JiraSandbox[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

interface Api {
  sandbox: JiraSandbox;
  clock: ScenarioClock;
  call(method: string, path: string, body?: unknown, auth?: string): Promise<{ status: number; json: WireJson }>;
}

const start = async (scenario: Scenario, now: string, timeZone?: string): Promise<Api> => {
  const clock = new ScenarioClock(now);
  const sandbox = await startJiraSandbox({ scenario, clock, ...(timeZone ? { timeZone } : {}) });
  open.push(sandbox);
  const auth = `Basic ${Buffer.from(`${sandbox.email}:${sandbox.apiToken}`).toString('base64')}`;
  return {
    sandbox,
    clock,
    call: async (method, path, body, authorization = auth) => {
      const response = await fetch(sandbox.baseUrl + path, {
        method,
        headers: { Authorization: authorization, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, json: text ? JSON.parse(text) : undefined };
    },
  };
};

const search = (api: Api, body: Record<string, unknown>) => api.call('POST', '/rest/api/3/search/jql', body);

const cutover = (): Scenario =>
  scenarioWith({
    issues: [
      { key: 'ATL-1', summary: 'Cutover', status: 'In Progress' },
      { key: 'ATL-2', summary: 'Training', status: 'To Do', assignee: 'Sam Lead' },
    ],
    events: [
      { at: at(5), issue: 'ATL-1', set: { status: 'Blocked', priority: 'High' }, comment: { author: 'Dana Vendor', body: 'Firewall' } },
      { at: at(30), issue: 'ATL-2', set: { status: 'Done' } },
    ],
  });

describe('Jira sandbox: API surface', () => {
  it('answers 410 on the removed /rest/api/3/search, 401 on bad credentials, and Jira error bodies on 404', async () => {
    // Prepare
    const api = await start(cutover(), at(10));

    // Act
    const removed = await api.call('POST', '/rest/api/3/search', { jql: 'project = ATL' });
    const unauthorised = await api.call('GET', '/rest/api/3/issue/ATL-1', undefined, 'Basic bm9ib2R5Om5vcGU=');
    const missing = await api.call('GET', '/rest/api/3/issue/ATL-99');

    // Assess
    expect(removed.status).toBe(410);
    expect(unauthorised.status).toBe(401);
    expect(missing).toEqual({ status: 404, json: { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} } });
  });

  it('returns only ids and keys unless fields are named, and Jira timestamps in the account zone', async () => {
    // Prepare
    const api = await start(cutover(), at(10), 'America/New_York');

    // Act
    const bare = await search(api, { jql: 'project = ATL ORDER BY updated ASC' });
    const full = await api.call('GET', '/rest/api/3/search/jql?jql=project%20%3D%20%22ATL%22%20ORDER%20BY%20updated%20DESC&fields=status,updated&expand=changelog');

    // Assess
    expect(bare.json.issues).toEqual([
      { id: '10002', key: 'ATL-2', self: expect.any(String) },
      { id: '10001', key: 'ATL-1', self: expect.any(String) },
    ]);
    expect(bare.json.isLast).toBe(true);
    const first = full.json.issues[0];
    expect(first.key).toBe('ATL-1');
    expect(Object.keys(first.fields).sort()).toEqual(['status', 'updated']);
    expect(first.fields.updated).toBe('2026-03-02T03:05:00.000-0500');
    expect(first.changelog.histories[0].items.map((i: { field: string }) => i.field)).toEqual(['status', 'priority']);
  });

  it('pages with an opaque nextPageToken bound to its query, at most 100 per page', async () => {
    // Prepare
    const scenario = scenarioWith({ issues: Array.from({ length: 120 }, (_, i) => ({ key: `ATL-${i + 1}`, summary: 's', status: 'To Do' })) });
    const api = await start(scenario, at(10));

    // Act
    const page1 = await search(api, { jql: 'project = ATL', maxResults: 500 });
    const page2 = await search(api, { jql: 'project = ATL', maxResults: 500, nextPageToken: page1.json.nextPageToken });
    const foreign = await search(api, { jql: 'project = ATL ORDER BY updated DESC', nextPageToken: page1.json.nextPageToken });

    // Assess
    expect(page1.json.issues).toHaveLength(100);
    expect(page1.json.isLast).toBe(false);
    expect(page2.json.issues).toHaveLength(20);
    expect(page2.json.nextPageToken).toBeUndefined();
    expect(foreign.status).toBe(400);
  });

  it('reads a bare JQL date in the account time zone, to the minute, and epoch ms exactly', async () => {
    // Prepare: the change is at 08:05Z, which is 03:05 in New York.
    const api = await start(cutover(), at(10), 'America/New_York');
    const keys = async (jql: string): Promise<string[]> => (await search(api, { jql })).json.issues.map((i: { key: string }) => i.key);

    // Act
    const utcWallClock = await keys('project = ATL AND updated >= "2026/03/02 08:00"');
    const accountWallClock = await keys('project = ATL AND updated >= "2026/03/02 03:00"');
    const epoch = await keys(`project = ATL AND updated >= ${Date.parse(at(5))}`);
    const epochAfter = await keys(`project = ATL AND updated >= ${Date.parse(at(5)) + 1}`);

    // Assess: a UTC wall-clock time in a New York account misses the change.
    expect(utcWallClock).toEqual([]);
    expect(accountWallClock).toEqual(['ATL-1']);
    expect(epoch).toEqual(['ATL-1']);
    expect(epochAfter).toEqual([]);
  });

  it('rejects JQL outside its subset, naming what it understands', async () => {
    // Prepare
    const api = await start(cutover(), at(10));

    // Act
    const response = await search(api, { jql: 'assignee = currentUser()' });

    // Assess
    expect(response.status).toBe(400);
    expect(response.json.errorMessages[0]).toMatch(/understands only project = KEY/);
  });
});

describe('Jira sandbox: scenario time', () => {
  it('shows events only once the clock reaches them, the same way on every request', async () => {
    // Prepare
    const api = await start(cutover(), at(10));

    // Act
    const before = (await api.call('GET', '/rest/api/3/issue/ATL-2?fields=status')).json.fields.status.name;
    api.clock.set(at(30));
    const after = (await api.call('GET', '/rest/api/3/issue/ATL-2?fields=status')).json.fields.status.name;
    const again = (await api.call('GET', '/rest/api/3/issue/ATL-2?fields=status')).json.fields.status.name;
    api.clock.set(at(10));
    const rewound = (await api.call('GET', '/rest/api/3/issue/ATL-2?fields=status')).json.fields.status.name;

    // Assess
    expect([before, after, again, rewound]).toEqual(['To Do', 'Done', 'Done', 'To Do']);
  });

  it('embeds at most the 40 most recent histories and serves the rest from /changelog', async () => {
    // Prepare
    const scenario = scenarioWith({
      issues: [{ key: 'ATL-1', summary: 'v0', status: 'To Do' }],
      events: Array.from({ length: 45 }, (_, i) => ({ at: at(1, i), issue: 'ATL-1', set: { summary: `v${i + 1}` } })),
    });
    const api = await start(scenario, at(10));

    // Act
    const issue = (await api.call('GET', '/rest/api/3/issue/ATL-1?expand=changelog')).json;
    const all = (await api.call('GET', '/rest/api/3/issue/ATL-1/changelog?startAt=0&maxResults=100')).json;

    // Assess
    expect(issue.changelog.total).toBe(45);
    expect(issue.changelog.histories).toHaveLength(40);
    expect(issue.changelog.histories[0].items[0].toString).toBe('v6');
    expect(all.values).toHaveLength(45);
    expect(all.isLast).toBe(true);
  });
});

describe('Jira sandbox: agent writes', () => {
  it('offers every known status as a transition with stable ids and records what the agent does', async () => {
    // Prepare
    const api = await start(cutover(), at(10));

    // Act
    const { transitions } = (await api.call('GET', '/rest/api/3/issue/ATL-1/transitions')).json;
    const done = transitions.find((t: { to: { name: string } }) => t.to.name === 'Done');
    const moved = await api.call('POST', '/rest/api/3/issue/ATL-1/transitions', { transition: { id: done.id } });
    const invalid = await api.call('POST', '/rest/api/3/issue/ATL-1/transitions', { transition: { id: '999' } });
    const comment = await api.call('POST', '/rest/api/3/issue/ATL-1/comment', { body: 'plain text is not ADF' });
    const edit = await api.call('PUT', '/rest/api/3/issue/ATL-1', { fields: { customfield_1: 'x' } });

    // Assess
    expect(transitions.map((t: { id: string; to: { name: string } }) => `${t.id}:${t.to.name}`)).toEqual(['11:To Do', '21:In Progress', '41:In Review', '51:Done']);
    expect(done.name).toBe('Move to Done');
    expect(moved.status).toBe(204);
    expect(invalid.json.errorMessages).toEqual(["Transition id '999' is not valid for this issue."]);
    expect(comment.status).toBe(400);
    expect(edit.json.errors).toEqual({ customfield_1: "Field 'customfield_1' cannot be set. It is not on the appropriate screen, or unknown." });
    expect(api.sandbox.writes()).toEqual([{ at: at(10), issue: 'ATL-1', kind: 'transition', detail: 'Blocked -> Done', text: expect.stringContaining('Done') }]);
  });

  it('applies faults: throttling with Retry-After, then server errors', async () => {
    // Prepare
    const api = await start(cutover(), at(10));
    api.sandbox.faults.throttle(1, 7);
    api.sandbox.faults.serverError(1, 503);

    // Act
    const throttled = await fetch(`${api.sandbox.baseUrl}/rest/api/3/myself`);
    const failed = await api.call('GET', '/rest/api/3/myself');
    const ok = await api.call('GET', '/rest/api/3/myself');

    // Assess
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('7');
    expect(throttled.headers.get('x-ratelimit-reset')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(failed.status).toBe(503);
    expect(ok.json).toMatchObject({ accountId: 'acct-agentic-pm', displayName: 'agentic-pm' });
  });

  it('serves a bare 429 with no hint, reports each fault it serves, and clear() disarms the rest', async () => {
    // Prepare
    const api = await start(cutover(), at(10));
    const served: unknown[] = [];
    api.sandbox.faults.observe((fault) => served.push(fault));
    api.sandbox.faults.throttle(1, null);
    api.sandbox.faults.serverError(3);

    // Act
    const bare = await fetch(`${api.sandbox.baseUrl}/rest/api/3/myself`);
    const failed = await api.call('GET', '/rest/api/3/myself');
    api.sandbox.faults.clear();
    const ok = await api.call('GET', '/rest/api/3/myself');

    // Assess
    expect(bare.status).toBe(429);
    expect(bare.headers.get('retry-after')).toBeNull();
    expect(bare.headers.get('x-ratelimit-reset')).toBeNull();
    expect(failed.status).toBe(503);
    expect(ok.status).toBe(200);
    expect(served).toEqual([{ kind: 'throttle', retryAfterSeconds: null }, { kind: 'error', status: 503 }]);
  });
});
