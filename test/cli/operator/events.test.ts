import { beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '@agentic-pm/domain';
import { putProject, recordEvent, type Table } from '@agentic-pm/storage';
import { formatEventsView, listEventsView } from '../../../packages/cli/src/commands/operator/events-view';
import { freshTable } from '../../support/fresh-table';
import { project } from '../../support/projects';

// Near the wall clock: DynamoDB Local sweeps items whose expiresAt is in the real past.
const NOW = new Date(Math.floor(Date.now() / 1000) * 1000).toISOString();
const ago = (hours: number): string => new Date(Date.parse(NOW) - hours * 3_600_000).toISOString();

describe('events view', () => {
  let table: Table;
  beforeAll(async () => {
    table = await freshTable();
    await putProject(table, project(), NOW);
    await putProject(table, project({ id: 'borealis', jiraProjectKey: 'BOR' }), NOW);
    const event = (id: string, type: string, hours: number, projectId: string | null = 'atlas') =>
      recordEvent(table, { id, projectId, runId: `run-${id}`, type, at: ago(hours), summary: `${type} ${id}` });
    await event('e1', 'signal_created', 30);
    await event('e2', 'action_executed', 20);
    await event('e3', 'signal_created', 10);
    await event('e4', 'signal_created', 5);
    await event('b1', 'signal_created', 4, 'borealis');
    await event('g1', 'run_succeeded', 3, null);
  });

  it("lists a project's events most recent first", async () => {
    // Act
    const view = await listEventsView(table, { projectId: 'atlas', nowIso: NOW });

    // Assess
    expect(view.events.map((e) => e.id)).toEqual(['e4', 'e3', 'e2', 'e1']);
    expect(view).toMatchObject({ more: 0, expired: 0 });
  });

  it('narrows to one type (through GSI1) and to events since a time', async () => {
    // Act
    const byType = await listEventsView(table, { projectId: 'atlas', type: 'signal_created', nowIso: NOW });
    const since = await listEventsView(table, { projectId: 'atlas', sinceIso: ago(20), nowIso: NOW });
    const both = await listEventsView(table, { projectId: 'atlas', type: 'signal_created', sinceIso: ago(20), nowIso: NOW });

    // Assess
    expect(byType.events.map((e) => e.id)).toEqual(['e4', 'e3', 'e1']);
    expect(since.events.map((e) => e.id)).toEqual(['e4', 'e3', 'e2']);
    expect(both.events.map((e) => e.id)).toEqual(['e4', 'e3']);
  });

  it('lists GLOBAL events, which belong to no project', async () => {
    // Act
    const view = await listEventsView(table, { projectId: 'GLOBAL', nowIso: NOW });

    // Assess
    expect(view.events.map((e) => e.id)).toEqual(['g1']);
  });

  it('limits the list and counts what the TTL hides as of a later time', async () => {
    // Act: 30 days after e2 (20 h ago), e1 and e2 are past their TTL.
    const later = new Date(Date.parse(ago(20)) + 30 * 86_400_000 + 60_000).toISOString();
    const view = await listEventsView(table, { projectId: 'atlas', nowIso: later, limit: 1 });
    const lines = formatEventsView(view, { projectId: 'atlas', nowIso: later, limit: 1 });

    // Assess
    expect(view).toMatchObject({ more: 1, expired: 2 });
    expect(view.events.map((e) => e.id)).toEqual(['e4']);
    expect(lines[1]).toMatch(/^ {2}\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ {2}signal_created {2}signal_created e4 {2}\(run run-e4\)$/);
    expect(lines.slice(2)).toEqual([
      '  ... 1 older event(s); raise --limit to see them',
      `  2 older event(s) are past their 30-day TTL as of ${later} and hidden (DynamoDB deletes them later); --at an earlier time shows them`,
    ]);
  });

  it('names an unknown project clearly', async () => {
    // Act
    const error = await listEventsView(table, { projectId: 'nope', nowIso: NOW }).then(() => undefined, (e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([{ path: 'PROJECT', message: 'unknown project "nope" (projects: atlas, borealis)' }]);
  });
});
