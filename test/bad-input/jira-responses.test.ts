import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pollJira } from '@agentic-pm/agent';
import { IntegrationError } from '@agentic-pm/domain';
import { createJiraClient, type JiraClient } from '@agentic-pm/integrations';
import { countWork, getCheckpoint, putCheckpoint } from '@agentic-pm/storage';
import { testContext, type TestContext } from '../support/agent-context';
import { project } from '../support/projects';
import { badReplies, nestedJson, startFuzzServer, type FuzzServer, type Reply } from './responses';
import { SEED, thrownBy } from './properties';

const SINCE_MS = Date.parse('2026-03-02T07:45:00Z');
const person = (id: string, name: string) => ({ accountId: id, displayName: name, emailAddress: `${id}@acme.test` });
const adf = (text: string) => ({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const history = (id: string, created: string) => ({ id, author: person('u2', 'Bob'), created, items: [{ field: 'status', fromString: 'In Progress', toString: 'Blocked' }] });
const comment = (id: string, created: string) => ({ id, author: person('u2', 'Bob'), body: adf(`comment ${id}`), created });

/** A search page Jira could send: one issue with a transition, a comment and an ADF description. */
const issue = (n: number, truncated = false) => ({
  id: String(10_000 + n),
  key: `ATL-${n}`,
  fields: {
    summary: `Issue ${n}`, status: { name: 'Blocked' }, priority: { name: 'High' }, assignee: person('u1', 'Ana'), creator: person('u1', 'Ana'), reporter: person('u1', 'Ana'),
    duedate: '2026-03-10', labels: ['cutover'], description: adf('The vendor has not sent the keys.'),
    created: '2026-03-02T07:50:00.000+0000', updated: '2026-03-02T08:05:00.000+0000',
    comment: { comments: [comment(`c${n}`, '2026-03-02T08:05:00.000+0000')], total: truncated ? 150 : 1 },
  },
  changelog: { histories: [history(`h${n}`, '2026-03-02T08:05:00.000+0000')], total: truncated ? 150 : 1 },
});
const searchPage = { issues: [issue(1), issue(2)], nextPageToken: null };
const changelogPage = { values: [history('h9', '2026-03-02T08:01:00.000+0000')], isLast: true, total: 150 };
const commentPage = { comments: [comment('c9', '2026-03-02T08:01:00.000+0000')], startAt: 0, total: 150 };

const json = (value: unknown): Reply => ({ status: 200, text: JSON.stringify(value) });

/** Well-formed but pathological search pages: a deeply nested description, a huge one, many issues. */
const pathologicalSearch: Array<fc.Arbitrary<Reply>> = [
  fc.integer({ min: 500, max: 20_000 }).map((depth) => {
    const description = nestedJson(depth, '{"type":"paragraph","content":[', ']}', '{"type":"text","text":"deep"}');
    return { status: 200, text: JSON.stringify(searchPage).replace('{"type":"doc"', `{"type":"doc","content":[${description}],"x"`) };
  }),
  fc.constant(json({ issues: [{ ...issue(1), fields: { ...issue(1).fields, description: adf('x'.repeat(1_000_000)) } }] })),
  fc.constant(json({ issues: Array.from({ length: 200 }, (_, i) => issue(i + 1)) })),
];

/** Which endpoint a run breaks: the search, or (for an issue with more history than search embeds) the changelog or comment pages. */
const scenarios = fc.oneof(
  badReplies(searchPage, pathologicalSearch).map((reply) => ({ search: reply, changelog: json(changelogPage), comments: json(commentPage) })),
  badReplies(changelogPage).map((reply) => ({ search: json({ issues: [issue(1, true)] }), changelog: reply, comments: json(commentPage) })),
  badReplies(commentPage).map((reply) => ({ search: json({ issues: [issue(1, true)] }), changelog: json(changelogPage), comments: reply })),
);

describe('Jira responses: a bad body ends in an IntegrationError naming the call, never another error', () => {
  let server: FuzzServer;
  let jira: JiraClient;

  beforeAll(async () => {
    server = await startFuzzServer();
    jira = createJiraClient({ baseUrl: server.baseUrl, email: 'agent@acme.test', apiToken: 'token-1', maxAttempts: 2, maxRetryDelayMs: 1 });
  });
  afterAll(async () => {
    await server.close();
  });

  const serve = (run: { search: Reply; changelog: Reply; comments: Reply }): void =>
    server.answer([
      [/\/myself$/, () => json({ accountId: 'agent-1' })],
      [/\/search\/jql$/, () => run.search],
      [/\/changelog$/, () => run.changelog],
      [/\/comment$/, () => run.comments],
    ]);

  it('pollChanges returns changes or throws an IntegrationError', async () => {
    await fc.assert(
      fc.asyncProperty(scenarios, async (run) => {
        // Prepare
        serve(run);

        // Act
        const error = await thrownBy(() => jira.pollChanges('ATL', SINCE_MS));

        // Assess
        if (error === undefined) return;
        expect(error).toBeInstanceOf(IntegrationError);
        expect((error as Error).message).toMatch(/Jira/);
        expect((error as Error).message.length).toBeLessThan(2_000);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  describe('the Poll Jira step', () => {
    let t: TestContext;
    const CHECKPOINT = String(Date.parse('2026-03-02T07:00:00Z'));

    beforeAll(async () => {
      t = await testContext([project()], { pollChanges: (key, since) => jira.pollChanges(key, since) }, '2026-03-02T08:15:00.000Z');
    });

    it('leaves the cursor and the staged work as they were when a page fails to parse', async () => {
      await fc.assert(
        // Without the 200-issue page: staging it is slow, and it is not a failure case.
        fc.asyncProperty(scenarios.filter((run) => run.search.text.length < 100_000 || run.search.text.length > 900_000), async (run) => {
          // Prepare
          serve(run);
          await putCheckpoint(t.ctx.table, 'atlas', 'jira', 'updated', CHECKPOINT, t.run.time);
          const workBefore = await countWork(t.ctx.table, t.run.time, 'CHANGE#jira#');

          // Act
          const error = await thrownBy(() => pollJira(t.ctx, { run: t.run }));

          // Assess
          if (error === undefined) return;
          expect(error).toBeInstanceOf(IntegrationError);
          expect(await getCheckpoint(t.ctx.table, 'atlas', 'jira', 'updated')).toBe(CHECKPOINT);
          expect(await countWork(t.ctx.table, t.run.time, 'CHANGE#jira#')).toBe(workBefore);
        }),
        { seed: SEED, numRuns: 20 },
      );
    });
  });
});
