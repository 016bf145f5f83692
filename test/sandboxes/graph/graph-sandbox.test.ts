import { afterEach, describe, expect, it } from 'vitest';
import { ScenarioClock, type Scenario } from '@agentic-pm/scenario';
import { startGraphSandbox, type GraphSandbox } from '../../../packages/sandboxes/src/graph';
import { at, MAILBOX, scenarioWith } from '../fixtures';

/** Raw wire JSON: these tests check the API's shapes, so they read it untyped. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type WireJson = any;

const open: GraphSandbox[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

const scenario = (): Scenario =>
  scenarioWith({
    messages: [
      { at: at(1), mailbox: MAILBOX, from: 'dana@vendor.test', to: [MAILBOX], subject: 'Cutover', body: 'Friday?', headers: { 'X-Test': 'yes' } },
      { at: at(2), mailbox: MAILBOX, from: 'sam@acme.test', to: [MAILBOX], subject: 'RE: Cutover', body: '<p>Yes</p>', html: true },
      { at: at(40), mailbox: MAILBOX, from: 'dana@vendor.test', to: [MAILBOX], subject: 'Later', body: 'later' },
    ],
  });

const start = async (now = at(10)): Promise<{ sandbox: GraphSandbox; clock: ScenarioClock; token: string }> => {
  const clock = new ScenarioClock(now);
  const sandbox = await startGraphSandbox({ scenario: scenario(), clock });
  open.push(sandbox);
  const response = await requestToken(sandbox, {});
  return { sandbox, clock, token: ((await response.json()) as { access_token: string }).access_token };
};

const requestToken = (sandbox: GraphSandbox, overrides: Record<string, string>): Promise<Response> =>
  fetch(`${sandbox.authorityBaseUrl}/${sandbox.tenantId}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials', client_id: sandbox.clientId, client_secret: sandbox.clientSecret,
      scope: 'https://graph.microsoft.com/.default', ...overrides,
    }).toString(),
  });

const get = async (url: string, token: string, prefer?: string): Promise<{ status: number; json: WireJson }> => {
  const response = await fetch(url, { headers: { Authorization: `Bearer ${token}`, ...(prefer ? { Prefer: prefer } : {}) } });
  return { status: response.status, json: await response.json() };
};

const deltaUrl = (sandbox: GraphSandbox, query = ''): string =>
  `${sandbox.graphBaseUrl}/v1.0/users/${encodeURIComponent(MAILBOX)}/mailFolders/inbox/messages/delta${query}`;

describe('Graph sandbox: identity platform', () => {
  it('issues client-credentials tokens and rejects a bad secret or scope like Entra ID', async () => {
    // Prepare
    const { sandbox, token } = await start();

    // Act
    const badSecret = await requestToken(sandbox, { client_secret: 'nope' });
    const badScope = await requestToken(sandbox, { scope: 'Mail.Read' });
    const noToken = await fetch(deltaUrl(sandbox));
    const me = await get(`${sandbox.graphBaseUrl}/v1.0/me/mailFolders/inbox/messages/delta`, token);

    // Assess
    expect(token).toMatch(/^sandbox\./);
    expect(badSecret.status).toBe(401);
    expect(await badSecret.json()).toMatchObject({ error: 'invalid_client' });
    expect(badScope.status).toBe(400);
    expect(noToken.status).toBe(401);
    expect(me.status).toBe(400);
  });
});

describe('Graph sandbox: delta', () => {
  it('returns default properties without $select and only the selected ones with it', async () => {
    // Prepare
    const { sandbox, token } = await start();

    // Act
    const plain = await get(deltaUrl(sandbox), token);
    const selected = await get(deltaUrl(sandbox, '?$select=subject,internetMessageHeaders'), token);
    const unknown = await get(deltaUrl(sandbox, '?$select=subject,nonsense'), token);

    // Assess
    expect(plain.json.value[0]).not.toHaveProperty('internetMessageHeaders');
    expect(plain.json.value[1].body).toEqual({ contentType: 'html', content: '<p>Yes</p>' });
    expect(plain.json.value[0].conversationId).toBe(plain.json.value[1].conversationId);
    expect(Object.keys(selected.json.value[0]).sort()).toEqual(['@odata.type', 'id', 'internetMessageHeaders', 'subject']);
    expect(selected.json.value[0].internetMessageHeaders).toContainEqual({ name: 'X-Test', value: 'yes' });
    expect(unknown.status).toBe(400);
  });

  it('pages by Prefer maxpagesize and resumes from the deltaLink with only later messages', async () => {
    // Prepare
    const { sandbox, clock, token } = await start();

    // Act
    const page1 = await get(deltaUrl(sandbox, '?$select=subject'), token, 'odata.maxpagesize=1');
    const page2 = await get(page1.json['@odata.nextLink'], token, 'odata.maxpagesize=1');
    clock.set(at(45));
    const next = await get(page2.json['@odata.deltaLink'], token);

    // Assess
    expect(page1.json.value.map((m: { subject: string }) => m.subject)).toEqual(['Cutover']);
    expect(page1.json['@odata.nextLink']).toContain('$skiptoken=');
    expect(page2.json.value.map((m: { subject: string }) => m.subject)).toEqual(['RE: Cutover']);
    expect(next.json.value).toEqual([{ '@odata.type': '#microsoft.graph.message', id: expect.any(String), subject: 'Later' }]);
  });

  it('answers 410 syncStateNotFound for unknown tokens and for an expired one', async () => {
    // Prepare
    const { sandbox, token } = await start();
    const { json } = await get(deltaUrl(sandbox), token);
    sandbox.faults.expireNextDelta();

    // Act
    const expired = await get(json['@odata.deltaLink'], token);
    const stillValid = await get(json['@odata.deltaLink'], token);
    const garbage = await get(deltaUrl(sandbox, '?$deltatoken=garbage'), token);

    // Assess
    expect(expired).toMatchObject({ status: 410, json: { error: { code: 'syncStateNotFound' } } });
    expect(stillValid.status).toBe(200);
    expect(garbage).toMatchObject({ status: 410, json: { error: { code: 'syncStateNotFound' } } });
  });

  it('expires delta tokens with the code asked for, as many times as asked, and reports each', async () => {
    // Prepare
    const { sandbox, token } = await start();
    const { json } = await get(deltaUrl(sandbox), token);
    const served: unknown[] = [];
    sandbox.faults.observe((fault) => served.push(fault));
    sandbox.faults.expireDeltas(2, 'resyncRequired');

    // Act
    const first = await get(json['@odata.deltaLink'], token);
    const second = await get(json['@odata.deltaLink'], token);
    const third = await get(json['@odata.deltaLink'], token);

    // Assess
    expect(first).toMatchObject({ status: 410, json: { error: { code: 'resyncRequired' } } });
    expect(second.status).toBe(410);
    expect(third.status).toBe(200);
    expect(served).toEqual([{ kind: 'sync-state-lost', code: 'resyncRequired' }, { kind: 'sync-state-lost', code: 'resyncRequired' }]);
  });

  it('keeps message ids stable across sandbox restarts', async () => {
    // Prepare
    const first = await start();
    const second = await start();

    // Act
    const ids = async (s: { sandbox: GraphSandbox; token: string }): Promise<string[]> =>
      (await get(deltaUrl(s.sandbox), s.token)).json.value.map((m: { id: string }) => m.id);

    // Assess
    expect(await ids(first)).toEqual(await ids(second));
  });

  it('answers 429 when more than 4 requests for one mailbox are in flight', async () => {
    // Prepare
    const { sandbox, token } = await start();
    sandbox.faults.delay(200);

    // Act
    const statuses = await Promise.all(Array.from({ length: 6 }, async () => (await get(deltaUrl(sandbox), token)).status));

    // Assess: every request beyond the fourth in flight is refused (all six normally overlap).
    const peak = sandbox.peakConcurrency(MAILBOX);
    expect(peak).toBeGreaterThan(4);
    expect(statuses.filter((s) => s === 429)).toHaveLength(peak - 4);
  });
});
