import { afterEach, describe, expect, it } from 'vitest';
import { IntegrationError } from '@agentic-pm/domain';
import { ScenarioClock, type Scenario, type ScenarioInput } from '@agentic-pm/scenario';
import { createGraphClient, type GraphClient, type GraphClientConfig } from '../../../packages/integrations/src/graph';
import { startGraphSandbox, type GraphSandbox } from '../../../packages/sandboxes/src/graph';
import { at, MAILBOX, scenarioWith } from '../../sandboxes/fixtures';

type MessageInput = NonNullable<NonNullable<ScenarioInput['mail']>['messages']>[number];

const open: GraphSandbox[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

const message = (minute: number, overrides: Partial<MessageInput> = {}): MessageInput => ({
  at: at(minute),
  mailbox: MAILBOX,
  from: 'dana@vendor.test',
  fromName: 'Dana Vendor',
  to: [MAILBOX],
  subject: `Update ${minute}`,
  body: `Status at minute ${minute}.`,
  ...overrides,
});

const start = async (scenario: Scenario, now: string, config: Partial<GraphClientConfig> = {}): Promise<{ sandbox: GraphSandbox; client: GraphClient; clock: ScenarioClock }> => {
  const clock = new ScenarioClock(now);
  const sandbox = await startGraphSandbox({ scenario, clock });
  open.push(sandbox);
  const client = createGraphClient({
    graphBaseUrl: sandbox.graphBaseUrl,
    authorityBaseUrl: sandbox.authorityBaseUrl,
    tenantId: sandbox.tenantId,
    clientId: sandbox.clientId,
    clientSecret: sandbox.clientSecret,
    pageSize: 10,
    maxRetryDelayMs: 40,
    ...config,
  });
  return { sandbox, client, clock };
};

const deltaRequests = (sandbox: GraphSandbox): Array<{ query: string }> => sandbox.requestLog().filter((r) => r.path.endsWith('/messages/delta'));

describe('GraphClient.deltaRound', () => {
  it('reads the sender authentication from the headers the sandbox renders: a spoofed internal From is not authenticated', async () => {
    // Prepare
    const spoofed = message(2, { from: 'ceo@acme.test', subject: 'Spoofed', headers: { 'Authentication-Results': 'mx.acme.test; spf=fail smtp.mailfrom=evil.example; dkim=none; dmarc=fail header.from=acme.test' } });
    const { client } = await start(scenarioWith({ messages: [message(1), spoofed] }), at(5));

    // Act
    const round = await client.deltaRound(MAILBOX, null);

    // Assess
    expect(round.messages.map((m) => [m.from, m.authenticatedDomain])).toEqual([['dana@vendor.test', 'vendor.test'], ['ceo@acme.test', null]]);
  });

  it('pages through more than 50 messages to a deltaLink, with query options on the first request only', async () => {
    // Prepare
    const scenario = scenarioWith({ messages: Array.from({ length: 57 }, (_, i) => message(i % 10, { subject: `Update ${i}` })) });
    const { sandbox, client } = await start(scenario, at(15));

    // Act
    const round = await client.deltaRound(MAILBOX, null);

    // Assess
    expect(round.messages).toHaveLength(57);
    expect(new Set(round.messages.map((m) => m.id)).size).toBe(57);
    expect(round.resynced).toBe(false);
    expect(round.deltaLink).toContain('$deltatoken=');
    const requests = deltaRequests(sandbox);
    expect(requests).toHaveLength(6);
    expect(requests[0]?.query).toContain('$select=');
    expect(requests[0]?.query).toContain('internetMessageHeaders');
    expect(requests.slice(1).every((r) => /^\?\$skiptoken=[^&]+$/.test(r.query))).toBe(true);
  });

  it('maps addresses, time and ids, and the deltaLink then yields only new messages', async () => {
    // Prepare
    const scenario = scenarioWith({
      messages: [message(1, { cc: ['lead@acme.test'] }), message(2), message(20, { subject: 'Later 1' }), message(21, { subject: 'Later 2' })],
    });
    const { client, clock } = await start(scenario, at(10));
    const first = await client.deltaRound(MAILBOX, null);

    // Act
    clock.set(at(25));
    const second = await client.deltaRound(MAILBOX, first.deltaLink);
    const third = await client.deltaRound(MAILBOX, second.deltaLink);

    // Assess
    expect(first.messages.map((m) => m.subject)).toEqual(['Update 1', 'Update 2']);
    expect(first.messages[0]).toMatchObject({
      from: 'dana@vendor.test', fromName: 'Dana Vendor', to: [MAILBOX], cc: ['lead@acme.test'],
      receivedAt: at(1), bodyText: 'Status at minute 1.', isAutoReply: false, isBulk: false,
    });
    expect(first.messages[0]?.internetMessageId).toMatch(/^<.+@vendor\.test>$/);
    expect(second.messages.map((m) => m.subject)).toEqual(['Later 1', 'Later 2']);
    expect(third.messages).toEqual([]);
  });

  it('asks for one token and reuses it across rounds', async () => {
    // Prepare
    const { sandbox, client, clock } = await start(scenarioWith({ messages: [message(1), message(5)] }), at(2));

    // Act
    let link = (await client.deltaRound(MAILBOX, null)).deltaLink;
    clock.set(at(6));
    link = (await client.deltaRound(MAILBOX, link)).deltaLink;
    await client.deltaRound(MAILBOX, link);

    // Assess
    expect(sandbox.tokensIssued()).toBe(1);
  });

  it('resyncs from scratch when the delta token is gone (410 syncStateNotFound)', async () => {
    // Prepare
    const { sandbox, client, clock } = await start(scenarioWith({ messages: [message(1), message(2), message(12)] }), at(10));
    const first = await client.deltaRound(MAILBOX, null);
    sandbox.faults.expireNextDelta();
    clock.set(at(15));

    // Act
    const round = await client.deltaRound(MAILBOX, first.deltaLink);

    // Assess: a full replay; the caller dedupes by message id.
    expect(round.resynced).toBe(true);
    expect(round.messages.map((m) => m.subject)).toEqual(['Update 1', 'Update 2', 'Update 12']);
  });

  it('resyncs when a stored deltaLink is unknown to the server', async () => {
    // Prepare
    const { sandbox, client } = await start(scenarioWith({ messages: [message(1)] }), at(10));
    const stale = `${sandbox.graphBaseUrl}/v1.0/users/${encodeURIComponent(MAILBOX)}/mailFolders/inbox/messages/delta?$deltatoken=bm9wZQ`;

    // Act
    const round = await client.deltaRound(MAILBOX, stale);

    // Assess
    expect(round).toMatchObject({ resynced: true, messages: [{ subject: 'Update 1' }] });
  });

  it('reports removed messages and follows empty pages', async () => {
    // Prepare
    const { sandbox, client, clock } = await start(scenarioWith({ messages: [message(1), message(2), message(12)] }), at(10));
    const first = await client.deltaRound(MAILBOX, null);
    const removedId = first.messages[0]?.id ?? '';
    sandbox.removeMessage(removedId);
    sandbox.faults.emptyPages(2);
    clock.set(at(15));

    // Act
    const round = await client.deltaRound(MAILBOX, first.deltaLink);

    // Assess
    expect(round.removedIds).toEqual([removedId]);
    expect(round.messages.map((m) => m.subject)).toEqual(['Update 12']);
  });

  it('converts HTML, cuts the quoted reply, flags auto-replies and bulk mail, and caps long bodies', async () => {
    // Prepare
    const scenario = scenarioWith({
      messages: [
        message(1, { html: true, subject: 'Re: cutover', body: '<div><p>We can do <b>Friday</b>.</p><div>On Mon, 2 Mar 2026, PM wrote:</div><blockquote>Can you do Thursday?</blockquote></div>' }),
        message(2, { subject: 'Automatic reply: cutover', headers: { 'Auto-Submitted': 'auto-replied' } }),
        message(3, { subject: 'Newsletter', headers: { 'List-Unsubscribe': '<mailto:unsub@vendor.test>' } }),
        message(4, { subject: 'Long', body: 'y'.repeat(300) }),
      ],
    });
    const { client } = await start(scenario, at(10), { maxBodyChars: 100 });

    // Act
    const { messages } = await client.deltaRound(MAILBOX, null);

    // Assess
    const [reply, auto, bulk, long] = messages;
    expect(reply?.bodyText).toBe('We can do Friday.');
    expect(reply?.conversationId).toBeTruthy();
    expect(auto?.isAutoReply).toBe(true);
    expect(bulk?.isBulk).toBe(true);
    expect(long?.bodyText).toBe(`${'y'.repeat(100)}\n[truncated: 200 more characters]`);
  });

  it('keeps at most 4 requests in flight per mailbox', async () => {
    // Prepare: each request takes 50 ms; the sandbox answers 429 beyond 4 concurrent ones.
    const { sandbox, client } = await start(scenarioWith({ messages: [message(1)] }), at(10));
    sandbox.faults.delay(50);

    // Act
    const rounds = await Promise.all(Array.from({ length: 10 }, () => client.deltaRound(MAILBOX, null)));

    // Assess
    expect(rounds.every((r) => r.messages.length === 1)).toBe(true);
    expect(sandbox.peakConcurrency(MAILBOX)).toBeLessThanOrEqual(4);
    expect(sandbox.peakConcurrency(MAILBOX)).toBeGreaterThan(1);
    expect(deltaRequests(sandbox)).toHaveLength(10);
  });

  it('honours 429 Retry-After and retries 503', async () => {
    // Prepare
    const { sandbox, client } = await start(scenarioWith({ messages: [message(1)] }), at(10));
    await client.deltaRound(MAILBOX, null);
    sandbox.faults.throttle(2, 1);
    const startedAt = performance.now();

    // Act
    const throttled = await client.deltaRound(MAILBOX, null);
    sandbox.faults.serverError(1, 503);
    const afterError = await client.deltaRound(MAILBOX, null);

    // Assess
    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(75);
    expect(throttled.messages).toHaveLength(1);
    expect(afterError.messages).toHaveLength(1);
    expect(deltaRequests(sandbox)).toHaveLength(1 + 3 + 2);
  });

  it('fails clearly on a wrong client secret', async () => {
    // Prepare
    const { client } = await start(scenarioWith({}), at(10), { clientSecret: 'wrong' });

    // Act
    const attempt = client.deltaRound(MAILBOX, null);

    // Assess
    await expect(attempt).rejects.toThrow(IntegrationError);
    await expect(attempt).rejects.toThrow(/failed with 401 invalid_client: AADSTS7000215/);
  });

  it('refuses to send its token to a link on another host', async () => {
    // Prepare
    const { client } = await start(scenarioWith({}), at(10));

    // Act & Assess
    await expect(client.deltaRound(MAILBOX, 'https://evil.test/v1.0/users/x/messages/delta?$deltatoken=a')).rejects.toThrow(/refusing to follow a Graph link outside/);
  });
});
