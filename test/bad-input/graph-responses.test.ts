import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pollOutlook, type AgentContext } from '@agentic-pm/agent';
import { IntegrationError } from '@agentic-pm/domain';
import { createGraphClient, type GraphClient } from '@agentic-pm/integrations';
import { countWork, getCheckpoint, putCheckpoint } from '@agentic-pm/storage';
import { testContext, type TestContext } from '../support/agent-context';
import { project } from '../support/projects';
import { badReplies, nestedJson, startFuzzServer, type FuzzServer, type Reply } from './responses';
import { SEED, thrownBy } from './properties';

const MAILBOX = 'pm@acme.test';
const recipient = (address: string) => ({ emailAddress: { address, name: address.split('@')[0] } });
const message = (n: number, body = '<p>Could you send the <b>summary</b>?</p><div>-- <br>Dana</div>') => ({
  id: `AAMkAD${n}`, internetMessageId: `<m${n}@vendor.test>`, conversationId: `conv-${n}`, receivedDateTime: '2026-03-02T08:05:00Z',
  subject: `Update ${n}`, from: recipient('dana@vendor.test'), sender: recipient('dana@vendor.test'), toRecipients: [recipient(MAILBOX)], ccRecipients: [],
  body: { contentType: 'html', content: body }, internetMessageHeaders: [{ name: 'X-Mailer', value: 'Outlook' }],
});

describe('Graph responses: a bad body ends in an IntegrationError naming the call, never another error', () => {
  let server: FuzzServer;
  let graph: GraphClient;
  let deltaPage: Record<string, unknown>;
  let scenarios: fc.Arbitrary<Reply>;

  beforeAll(async () => {
    server = await startFuzzServer();
    graph = createGraphClient({ graphBaseUrl: server.baseUrl, authorityBaseUrl: server.baseUrl, tenantId: 't1', clientId: 'c1', clientSecret: 'secret-1', maxAttempts: 2, maxRetryDelayMs: 1 });
    deltaPage = { value: [message(1), { id: 'AAMkAD0', '@removed': { reason: 'deleted' } }], '@odata.deltaLink': `${server.baseUrl}/v1.0/users/pm%40acme.test/mailFolders/inbox/messages/delta?$deltatoken=abc` };
    const page = (value: unknown[], extra: Record<string, unknown> = {}): Reply => ({ status: 200, text: JSON.stringify({ ...deltaPage, value, ...extra }) });
    /** Well-formed but pathological pages: a body nested thousands deep, huge texts, many messages, a link that is not a URL. */
    const pathological: Array<fc.Arbitrary<Reply>> = [
      fc.integer({ min: 1_000, max: 8_000 }).map((depth) => page([message(1, `${'<div>'.repeat(depth)}deep${'</div>'.repeat(depth)}`)])),
      fc.constant(page([{ ...message(1), subject: 's'.repeat(1_000_000) }])),
      fc.constant(page([message(1, `<p>${'word '.repeat(100_000)}</p>`)])),
      fc.constant(page(Array.from({ length: 300 }, (_, i) => message(i)))),
      fc.constantFrom('http://[', 'http://a b/', '::::').map((link) => page([message(1)], { '@odata.deltaLink': link })),
      fc.integer({ min: 500, max: 5_000 }).map((depth) => ({ status: 200, text: JSON.stringify(deltaPage).replace('"value":[', `"x":${nestedJson(depth, '[', ']', '0')},"value":[`) })),
    ];
    scenarios = badReplies(deltaPage, pathological);
  });
  afterAll(async () => {
    await server.close();
  });

  const serve = (reply: Reply): void =>
    server.answer([
      [/\/oauth2\/v2\.0\/token$/, () => ({ status: 200, text: JSON.stringify({ access_token: 'token-1', expires_in: 3599 }) })],
      [/\/messages\/delta$/, () => reply],
    ]);

  it('deltaRound returns messages or throws an IntegrationError', async () => {
    await fc.assert(
      fc.asyncProperty(scenarios, async (reply) => {
        // Prepare
        serve(reply);

        // Act
        const error = await thrownBy(() => graph.deltaRound(MAILBOX, null));

        // Assess
        if (error === undefined) return;
        expect(error).toBeInstanceOf(IntegrationError);
        expect((error as Error).message).toMatch(/Graph/);
        expect((error as Error).message.length).toBeLessThan(2_000);
      }),
      { seed: SEED, numRuns: 100 },
    );
  });

  describe('the Poll Outlook step', () => {
    let t: TestContext;
    let ctx: AgentContext;
    const CHECKPOINT = '/v1.0/users/pm%40acme.test/mailFolders/inbox/messages/delta?$deltatoken=before';

    beforeAll(async () => {
      t = await testContext([project()], {}, '2026-03-02T08:15:00.000Z');
      ctx = { ...t.ctx, graph };
    });

    it('leaves the delta link and the staged work as they were when a page fails to parse', async () => {
      await fc.assert(
        fc.asyncProperty(scenarios, async (reply) => {
          // Prepare
          serve(reply);
          await putCheckpoint(ctx.table, 'atlas', 'outlook', 'deltaLink', CHECKPOINT, t.run.time);
          const workBefore = await countWork(ctx.table, t.run.time, 'CHANGE#outlook#');

          // Act
          const error = await thrownBy(() => pollOutlook(ctx, { run: t.run }));

          // Assess
          if (error === undefined) return;
          expect(error).toBeInstanceOf(IntegrationError);
          expect(await getCheckpoint(ctx.table, 'atlas', 'outlook', 'deltaLink')).toBe(CHECKPOINT);
          expect(await countWork(ctx.table, t.run.time, 'CHANGE#outlook#')).toBe(workBefore);
        }),
        { seed: SEED, numRuns: 20 },
      );
    });
  });
});
