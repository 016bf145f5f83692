import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IntegrationError } from '@agentic-pm/domain';
import { adfToText, createJiraClient, type JiraClient } from '@agentic-pm/integrations';
import { nestedJson, startFuzzServer, type FuzzServer } from './responses';
import { thrownBy } from './properties';

const person = { accountId: 'u1', displayName: 'Ana' };
const at = '2026-03-02T08:05:00.000+0000';
const issue = (overrides: { changelogTotal?: number; description?: unknown; author?: object; id?: string } = {}) => ({
  id: overrides.id ?? '10001', key: 'ATL-1',
  fields: { summary: 'Cutover', status: { name: 'Blocked' }, creator: person, description: overrides.description ?? 'd', created: '2026-03-02T07:50:00.000+0000', updated: at },
  changelog: { histories: [{ id: 'h1', author: overrides.author ?? person, created: at, items: [{ field: 'status', fromString: 'To Do', toString: 'Blocked' }] }], total: overrides.changelogTotal ?? 1 },
});

describe('Jira bad-input regressions', () => {
  let server: FuzzServer;
  let jira: JiraClient;
  let requests = 0;
  const serve = (search: unknown, changelog: unknown = { values: [], isLast: true }): void => {
    requests = 0;
    server.answer([
      [/\/myself$/, () => ({ status: 200, text: '{"accountId":"agent-1"}' })],
      [/\/search\/jql$/, () => ({ status: 200, text: typeof search === 'string' ? search : JSON.stringify(search) })],
      [/\/changelog$/, () => ((requests += 1), { status: 200, text: JSON.stringify(changelog) })],
    ]);
  };

  beforeAll(async () => {
    server = await startFuzzServer();
    jira = createJiraClient({ baseUrl: server.baseUrl, email: 'agent@acme.test', apiToken: 'token-1', maxAttempts: 1 });
  });
  afterAll(async () => {
    await server.close();
  });

  it('reads an ADF body nested thousands deep instead of overflowing the stack', () => {
    // Prepare
    const doc = JSON.parse(nestedJson(20_000, '{"type":"blockquote","content":[', ']}', '{"type":"text","text":"still here"}')) as unknown;

    // Act
    const text = adfToText(doc);

    // Assess
    expect(text).toContain('still here');
  });

  it('polls an issue whose description is nested thousands deep', async () => {
    // Prepare
    const description = nestedJson(10_000, '{"type":"paragraph","content":[', ']}', '{"type":"text","text":"deep"}');
    serve(JSON.stringify({ issues: [issue()] }).replace('"description":"d"', `"description":${description}`));

    // Act
    const result = await jira.pollChanges('ATL', 0);

    // Assess
    expect(result.issues[0]?.description).toBe('deep');
  });

  it('ends with an IntegrationError when the changelog never says it is the last page (was: requests without end)', async () => {
    // Prepare: a server that ignores startAt and leaves out isLast.
    serve({ issues: [issue({ changelogTotal: 150 })] }, { values: [{ id: 'h9', author: person, created: at, items: [] }] });

    // Act
    const error = await thrownBy(() => jira.pollChanges('ATL', 0));

    // Assess
    expect(error).toBeInstanceOf(IntegrationError);
    expect((error as Error).message).toBe('Jira changelog of issue "ATL-1" did not end within 100 pages of 100');
    expect(requests).toBe(100);
  });

  it('quotes a bad value in an error by its first characters only', async () => {
    // Prepare
    serve({ issues: [{ ...issue(), fields: { ...issue().fields, updated: 'x'.repeat(100_000) } }] });

    // Act
    const error = await thrownBy(() => jira.pollChanges('ATL', 0));

    // Assess
    expect(error).toBeInstanceOf(IntegrationError);
    expect((error as Error).message).toMatch(/^Jira timestamp "x{60}…" \(100000 characters\) is not in the form/);
  });

  it('keeps a dedupe key short when the author id is long, since it becomes part of a table key', async () => {
    // Prepare
    serve({ issues: [issue({ author: { accountId: 'a'.repeat(5_000) } })] });

    // Act
    const result = await jira.pollChanges('ATL', Date.parse('2026-03-02T08:00:00Z'));

    // Assess
    expect(result.changes).toHaveLength(1);
    expect(result.changes[0]?.dedupeKey.length).toBeLessThan(200);
  });

  it('refuses an issue id too long for a table key, naming its path', async () => {
    // Prepare
    serve({ issues: [issue({ id: '9'.repeat(2_000) })] });

    // Act
    const error = await thrownBy(() => jira.pollChanges('ATL', 0));

    // Assess
    expect(error).toBeInstanceOf(IntegrationError);
    expect((error as Error).message).toMatch(/^Jira POST \/rest\/api\/3\/search\/jql returned an unexpected body: \$\.issues\[0\]\.id: Too big/);
  });
});
