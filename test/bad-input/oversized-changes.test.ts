import { describe, expect, it } from 'vitest';
import { pollJira } from '@agentic-pm/agent';
import type { JiraChange } from '@agentic-pm/integrations';
import { getCheckpoint, listStagedChanges } from '@agentic-pm/storage';
import { testContext } from '../support/agent-context';
import { project } from '../support/projects';

const change = (description: string): JiraChange => ({
  issue: { id: '10001', key: 'ATL-1', summary: 'Cutover', status: 'Blocked', priority: null, assignee: null, dueDate: null, labels: [], description, created: '2026-03-02T07:50:00.000Z', updated: '2026-03-02T08:05:00.000Z' },
  dedupeKey: '10001:1772438700000', occurredAt: '2026-03-02T08:05:00.000Z', actor: 'Ana', created: false,
  changes: [{ field: 'status', from: 'To Do', to: 'Blocked' }], comments: [], byAgent: false,
});

describe('a change too large for one table item', () => {
  it('is staged with its long texts cut, and the cursor moves on (was: DynamoDB refused it in every poll)', async () => {
    // Prepare
    const huge = change(`The vendor has not sent the keys. ${'x'.repeat(1_000_000)}`);
    const t = await testContext([project()], { pollChanges: async () => ({ changes: [huge], issues: [huge.issue], maxUpdatedMs: Date.parse(huge.issue.updated) }) }, '2026-03-02T08:15:00.000Z');

    // Act
    const result = await pollJira(t.ctx, { run: t.run });

    // Assess
    expect(result.staged).toBe(1);
    const [staged] = await listStagedChanges<JiraChange>(t.ctx.table, t.run.time);
    expect(staged?.payload.issue.description).toMatch(/^The vendor has not sent the keys\. x+… \[truncated\]$/);
    expect(staged?.payload.issue.description.length).toBeLessThan(20_000);
    expect(staged?.payload.changes).toEqual(huge.changes);
    expect(await getCheckpoint(t.ctx.table, 'atlas', 'jira', 'updated')).toBe(String(Date.parse(huge.issue.updated)));
  });
});
