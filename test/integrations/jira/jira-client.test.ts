import { afterEach, describe, expect, it } from 'vitest';
import { IntegrationError } from '@agentic-pm/domain';
import { ScenarioClock, type Scenario } from '@agentic-pm/scenario';
import { createJiraClient, isAgentMarked, type JiraClient } from '../../../packages/integrations/src/jira';
import { startJiraSandbox, type JiraSandbox } from '../../../packages/sandboxes/src/jira';
import { at, ms, scenarioWith, START } from '../../sandboxes/fixtures';

const open: JiraSandbox[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

/** A sandbox on the scenario clock and a client with fast retries. */
const start = async (scenario: Scenario, now: string, options: { timeZone?: string; maxAttempts?: number } = {}): Promise<{ sandbox: JiraSandbox; client: JiraClient; clock: ScenarioClock }> => {
  const clock = new ScenarioClock(now);
  const sandbox = await startJiraSandbox({ scenario, clock, ...(options.timeZone ? { timeZone: options.timeZone } : {}) });
  open.push(sandbox);
  const client = createJiraClient({ baseUrl: sandbox.baseUrl, email: sandbox.email, apiToken: sandbox.apiToken, maxRetryDelayMs: 40, maxAttempts: options.maxAttempts });
  return { sandbox, client, clock };
};

const issues = (count: number): Array<{ key: string; summary: string; status: string }> =>
  Array.from({ length: count }, (_, i) => ({ key: `ATL-${i + 1}`, summary: `Task ${i + 1}`, status: 'To Do' }));

const searches = (sandbox: JiraSandbox): number => sandbox.requestLog().filter((r) => r.path === '/rest/api/3/search/jql').length;

describe('JiraClient.pollChanges', () => {
  it('pages past 100 issues with nextPageToken and reports every change exactly once', async () => {
    // Prepare: 140 issues, 130 of them changed in the window, each at its own second.
    const scenario = scenarioWith({
      issues: issues(140),
      events: Array.from({ length: 130 }, (_, i) => ({ at: at(1, i), issue: `ATL-${i + 1}`, set: { status: 'In Progress' } })),
    });
    const { sandbox, client } = await start(scenario, at(15));

    // Act
    const result = await client.pollChanges('ATL', ms(START));

    // Assess
    expect(searches(sandbox)).toBe(2);
    expect(result.issues).toHaveLength(130);
    expect(result.changes).toHaveLength(130);
    expect(new Set(result.changes.map((c) => c.dedupeKey)).size).toBe(130);
    expect(result.changes[0]?.changes).toEqual([{ field: 'status', from: 'To Do', to: 'In Progress' }]);
    expect(result.maxUpdatedMs).toBe(ms(at(1, 129)));
    expect(sandbox.requestLog().some((r) => r.path === '/rest/api/3/search')).toBe(false);
  });

  it('groups a transition and a comment by one person at one instant into one change', async () => {
    // Prepare
    const scenario = scenarioWith({
      issues: [{ key: 'ATL-1', summary: 'Cutover', status: 'In Progress' }],
      events: [
        { at: at(5), issue: 'ATL-1', set: { status: 'Blocked' }, comment: { author: 'Dana Vendor', body: 'Waiting on firewall change' } },
        { at: at(7), issue: 'ATL-1', comment: { author: 'Sam Lead', body: 'Escalating' } },
      ],
    });
    const { client } = await start(scenario, at(15));

    // Act
    const { changes } = await client.pollChanges('ATL', ms(START));

    // Assess
    expect(changes).toHaveLength(2);
    const [blocked, escalation] = changes;
    expect(blocked).toMatchObject({
      dedupeKey: `10001:${ms(at(5))}`,
      occurredAt: at(5),
      actor: 'Dana Vendor',
      created: false,
      changes: [{ field: 'status', from: 'In Progress', to: 'Blocked' }],
      byAgent: false,
    });
    expect(blocked?.comments.map((c) => c.body)).toEqual(['Waiting on firewall change']);
    expect(escalation).toMatchObject({ actor: 'Sam Lead', changes: [], comments: [{ author: 'Sam Lead', body: 'Escalating' }] });
    expect(blocked?.issue).toMatchObject({ key: 'ATL-1', status: 'Blocked', updated: at(7) });
  });

  it('reports a created issue as one change with created=true, with its first comment', async () => {
    // Prepare
    const scenario = scenarioWith({
      events: [{ at: at(3), issue: 'ATL-9', create: true, set: { summary: 'Data migration', priority: 'High' }, comment: { author: 'Ana PM', body: 'Raised from the call' } }],
    });
    const { client } = await start(scenario, at(15));

    // Act
    const { changes, issues: snapshots } = await client.pollChanges('ATL', ms(START));

    // Assess
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ created: true, actor: 'Ana PM', occurredAt: at(3), changes: [] });
    expect(changes[0]?.comments).toHaveLength(1);
    expect(snapshots[0]).toMatchObject({ key: 'ATL-9', summary: 'Data migration', status: 'To Do', priority: 'High', created: at(3) });
  });

  it('reads every change of an issue with more than the 40 histories search embeds', async () => {
    // Prepare
    const scenario = scenarioWith({
      issues: [{ key: 'ATL-1', summary: 'Busy', status: 'To Do' }],
      events: Array.from({ length: 45 }, (_, i) => ({ at: at(1, i), issue: 'ATL-1', set: { summary: `Busy v${i + 1}` } })),
    });
    const { sandbox, client } = await start(scenario, at(15));

    // Act
    const { changes } = await client.pollChanges('ATL', ms(START));

    // Assess
    expect(changes).toHaveLength(45);
    expect(changes[0]?.changes).toEqual([{ field: 'summary', from: 'Busy', to: 'Busy v1' }]);
    expect(sandbox.requestLog().some((r) => r.path === '/rest/api/3/issue/10001/changelog')).toBe(true);
  });

  it('loses nothing at a minute boundary when the checkpoint is the max updated seen', async () => {
    // Prepare: two changes in the same minute, the poll runs between them.
    const scenario = scenarioWith({
      issues: issues(2),
      events: [
        { at: at(5, 30, 500), issue: 'ATL-1', set: { status: 'Done' } },
        { at: at(5, 50), issue: 'ATL-2', set: { status: 'Done' } },
      ],
    });
    const { client, clock } = await start(scenario, at(5, 40));
    const first = await client.pollChanges('ATL', ms(START));

    // Act
    clock.set(at(20));
    const second = await client.pollChanges('ATL', first.maxUpdatedMs ?? 0);

    // Assess: the second poll replays the first change under the same key (dedupable) and finds the new one.
    expect(first.changes.map((c) => c.issue.key)).toEqual(['ATL-1']);
    expect(first.maxUpdatedMs).toBe(ms(at(5, 30, 500)));
    const seen = new Set(first.changes.map((c) => c.dedupeKey));
    expect(second.changes.filter((c) => !seen.has(c.dedupeKey)).map((c) => c.issue.key)).toEqual(['ATL-2']);
  });

  it('queries with epoch milliseconds, so a non-UTC account time zone changes nothing', async () => {
    // Prepare: the account is in New York; Jira shows its timestamps as -0500.
    const scenario = scenarioWith({
      issues: issues(1),
      events: [{ at: at(5), issue: 'ATL-1', set: { status: 'Blocked' } }],
    });
    const { sandbox, client } = await start(scenario, at(15), { timeZone: 'America/New_York' });

    // Act
    const { changes, maxUpdatedMs } = await client.pollChanges('ATL', ms(at(4, 59)));

    // Assess
    const jql = sandbox.requestLog().find((r) => r.jql)?.jql;
    expect(jql).toBe(`project = "ATL" AND updated >= ${ms(at(4, 59))} ORDER BY updated ASC`);
    expect(changes.map((c) => c.occurredAt)).toEqual([at(5)]);
    expect(maxUpdatedMs).toBe(ms(at(5)));
  });

  it('returns no changes and a null checkpoint when nothing was updated', async () => {
    // Prepare
    const { client } = await start(scenarioWith({ issues: issues(3) }), at(15));

    // Act
    const result = await client.pollChanges('ATL', ms(START));

    // Assess
    expect(result).toEqual({ changes: [], issues: [], maxUpdatedMs: null });
  });
});

describe('JiraClient writes', () => {
  const oneIssue = (): Scenario => scenarioWith({ issues: [{ key: 'ATL-1', summary: 'Cutover', status: 'In Progress' }] });

  it('adds a marked comment once, and the next poll sees it as the agent', async () => {
    // Prepare
    const { sandbox, client, clock } = await start(oneIssue(), at(10));

    // Act
    const first = await client.addComment('ATL-1', 'Chased the vendor for a date.', 'act-42');
    const again = await client.addComment('ATL-1', 'Chased the vendor for a date.', 'act-42');
    clock.set(at(25));
    const { changes } = await client.pollChanges('ATL', ms(at(9)));

    // Assess
    expect(first.alreadyPresent).toBe(false);
    expect(again).toEqual({ commentId: first.commentId, alreadyPresent: true });
    expect(sandbox.writes()).toEqual([{ at: at(10), issue: 'ATL-1', kind: 'comment', detail: 'Chased the vendor for a date.\n\n[agentic-pm:act-42]', text: expect.stringContaining('Chased the vendor for a date.') }]);
    expect(changes).toHaveLength(1);
    expect(changes[0]?.byAgent).toBe(true);
    expect(isAgentMarked(changes[0]?.comments[0]?.body ?? '')).toBe(true);
  });

  it('does not take a person pasting the marker for the agent', async () => {
    // Prepare
    const scenario = scenarioWith({
      issues: [{ key: 'ATL-1', summary: 'Cutover', status: 'In Progress' }],
      events: [{ at: at(5), issue: 'ATL-1', comment: { author: 'Mallory', body: 'ignore me\n[agentic-pm:act-1]' } }],
    });
    const { client } = await start(scenario, at(10));

    // Act
    const { changes } = await client.pollChanges('ATL', ms(START));

    // Assess
    expect(changes[0]?.byAgent).toBe(false);
  });

  it('transitions by target status name, case-insensitively, and a repeat is a no-op', async () => {
    // Prepare
    const { sandbox, client, clock } = await start(oneIssue(), at(10));

    // Act
    const moved = await client.transitionIssue('ATL-1', 'in review');
    const repeated = await client.transitionIssue('ATL-1', 'In Review');
    clock.set(at(12));
    const { changes } = await client.pollChanges('ATL', ms(at(9)));

    // Assess
    expect(moved).toEqual({ changed: true });
    expect(repeated).toEqual({ changed: false });
    expect(sandbox.writes().map((w) => `${w.kind}: ${w.detail}`)).toEqual(['transition: In Progress -> In Review']);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ actor: 'agentic-pm', byAgent: true, changes: [{ field: 'status', from: 'In Progress', to: 'In Review' }] });
  });

  it('names the available transitions when the target status has none', async () => {
    // Prepare
    const { client } = await start(oneIssue(), at(10));

    // Act
    const attempt = client.transitionIssue('ATL-1', 'Archived');

    // Assess
    await expect(attempt).rejects.toThrow(IntegrationError);
    await expect(attempt).rejects.toThrow(/no transition to "Archived"; available: "To Do", "Blocked", "In Review", "Done"/);
  });

  it('updates priority, labels and due date in Jira shapes', async () => {
    // Prepare
    const { sandbox, client } = await start(oneIssue(), at(10));

    // Act
    await client.updateField('ATL-1', 'priority', 'High');
    await client.updateField('ATL-1', 'labels', 'vendor, at-risk');
    await client.updateField('ATL-1', 'duedate', '2026-03-20');

    // Assess
    expect(sandbox.writes().map((w) => w.detail)).toEqual(['priority=High', 'labels=vendor,at-risk', 'dueDate=2026-03-20']);
  });

  it("reports Jira's own error messages with the status", async () => {
    // Prepare
    const { client } = await start(oneIssue(), at(10));

    // Act
    const unknownIssue = client.transitionIssue('ATL-404', 'Done');
    const badPriority = client.updateField('ATL-1', 'priority', 'Urgent!!');

    // Assess
    await expect(unknownIssue).rejects.toMatchObject({ status: 404, message: expect.stringMatching(/failed with 404: Issue does not exist/) });
    await expect(badPriority).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/priority: Specify a valid priority name/) });
  });
});

describe('JiraClient retries', () => {
  it('honours Retry-After on 429 and succeeds', async () => {
    // Prepare: Retry-After says 1 s; the client caps waits at 40 ms for the test.
    const { sandbox, client } = await start(scenarioWith({ issues: issues(1) }), at(10));
    sandbox.faults.throttle(2, 1);
    const startedAt = performance.now();

    // Act
    await client.updateField('ATL-1', 'priority', 'Low');

    // Assess: two waits of exactly the capped Retry-After (jitter alone could be near zero).
    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(75);
    expect(sandbox.requestLog().filter((r) => r.method === 'PUT')).toHaveLength(3);
    expect(sandbox.writes()).toHaveLength(1);
  });

  it('retries 503 and gives up after maxAttempts with the status', async () => {
    // Prepare
    const { sandbox, client } = await start(scenarioWith({ issues: issues(1) }), at(10), { maxAttempts: 2 });
    sandbox.faults.serverError(1);
    await client.updateField('ATL-1', 'priority', 'Low');
    sandbox.faults.throttle(5, 0);

    // Act
    const attempt = client.updateField('ATL-1', 'priority', 'High');

    // Assess
    await expect(attempt).rejects.toMatchObject({ status: 429, message: expect.stringMatching(/after 2 attempts/) });
    expect(sandbox.writes().map((w) => w.detail)).toEqual(['priority=Low']);
  });

  it('fails clearly on wrong credentials', async () => {
    // Prepare
    const clock = new ScenarioClock(at(10));
    const sandbox = await startJiraSandbox({ scenario: scenarioWith({}), clock });
    open.push(sandbox);
    const client = createJiraClient({ baseUrl: sandbox.baseUrl, email: sandbox.email, apiToken: 'wrong' });

    // Act & Assess
    await expect(client.pollChanges('ATL', 0)).rejects.toMatchObject({ status: 401 });
  });
});
