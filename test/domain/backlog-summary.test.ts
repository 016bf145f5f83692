import { describe, expect, it } from 'vitest';
import { computeBacklogSummary, sameBacklog, type BacklogIssue, type BacklogSummary } from '@agentic-pm/domain';

const NOW = '2026-03-05T09:00:00.000Z';

const issue = (key: string, overrides: Partial<BacklogIssue> = {}): BacklogIssue => ({
  key, status: 'To Do', priority: 'Medium', assignee: 'Priya', dueDate: null, updated: '2026-03-01T08:00:00.000Z', ...overrides,
});

describe('computeBacklogSummary', () => {
  it('counts issues by status and by priority, with a missing priority as None', () => {
    // Prepare
    const issues = [
      issue('ATL-1', { status: 'In Progress', priority: 'High' }),
      issue('ATL-2', { status: 'To Do', priority: 'High' }),
      issue('ATL-3', { status: 'In Progress', priority: null }),
      issue('ATL-4', { status: 'Done', priority: 'Low' }),
    ];

    // Act
    const summary = computeBacklogSummary(issues, undefined, NOW);

    // Assess
    expect(summary.total).toBe(4);
    expect(summary.byStatus).toEqual({ Done: 1, 'In Progress': 2, 'To Do': 1 });
    expect(summary.byPriority).toEqual({ High: 2, Low: 1, None: 1 });
    expect(summary.asOf).toBe(NOW);
  });

  it('lists as overdue only open issues due before today', () => {
    // Prepare
    const issues = [
      issue('ATL-1', { dueDate: '2026-03-04' }),
      issue('ATL-2', { dueDate: '2026-03-05' }),
      issue('ATL-3', { dueDate: '2026-03-06' }),
      issue('ATL-4', { dueDate: '2026-02-01', status: 'Done' }),
      issue('ATL-5', { dueDate: '2026-02-01', status: 'closed' }),
      issue('ATL-6', { dueDate: null }),
      issue('ATL-0', { dueDate: '2026-01-31', status: 'Blocked' }),
    ];

    // Act
    const summary = computeBacklogSummary(issues, undefined, NOW);

    // Assess
    expect(summary.overdue).toEqual(['ATL-0', 'ATL-1']);
  });

  it('lists as unassigned only open issues with no assignee', () => {
    // Prepare
    const issues = [
      issue('ATL-2', { assignee: null }),
      issue('ATL-1', { assignee: null, status: 'In Review' }),
      issue('ATL-3', { assignee: null, status: 'Resolved' }),
      issue('ATL-4'),
    ];

    // Act
    const summary = computeBacklogSummary(issues, undefined, NOW);

    // Assess
    expect(summary.unassigned).toEqual(['ATL-1', 'ATL-2']);
  });

  it('lists issues updated after the previous summary, whatever their status', () => {
    // Prepare
    const previous = computeBacklogSummary([], undefined, '2026-03-05T08:45:00.000Z');
    const issues = [
      issue('ATL-1', { updated: '2026-03-05T08:44:59.999Z' }),
      issue('ATL-2', { updated: '2026-03-05T08:45:00.000Z' }),
      issue('ATL-3', { updated: '2026-03-05T08:50:00.000Z', status: 'Done' }),
      issue('ATL-4', { updated: '2026-03-05T08:45:00.001Z' }),
    ];

    // Act
    const summary = computeBacklogSummary(issues, previous, NOW);

    // Assess
    expect(summary.changedSinceLast).toEqual(['ATL-3', 'ATL-4']);
  });

  it('lists no changes when there is no previous summary', () => {
    // Prepare
    const issues = [issue('ATL-1', { updated: NOW })];

    // Act
    const summary = computeBacklogSummary(issues, undefined, NOW);

    // Assess
    expect(summary.changedSinceLast).toEqual([]);
  });
});

describe('sameBacklog', () => {
  const summary = (): BacklogSummary => ({
    total: 3,
    byStatus: { Done: 1, 'In Progress': 2 },
    byPriority: { High: 1, Medium: 2 },
    overdue: ['ATL-1'],
    unassigned: ['ATL-2'],
    changedSinceLast: ['ATL-3'],
    asOf: NOW,
  });

  it('ignores key insertion order, asOf and changedSinceLast', () => {
    // Prepare
    const a = summary();
    const b: BacklogSummary = {
      asOf: '2026-03-05T09:15:00.000Z',
      changedSinceLast: [],
      unassigned: ['ATL-2'],
      overdue: ['ATL-1'],
      byPriority: { Medium: 2, High: 1 },
      byStatus: { 'In Progress': 2, Done: 1 },
      total: 3,
    };

    // Act
    const same = sameBacklog(a, b);

    // Assess
    expect(JSON.stringify(a)).not.toBe(JSON.stringify({ ...b, asOf: a.asOf, changedSinceLast: a.changedSinceLast }));
    expect(same).toBe(true);
  });

  it.each([
    ['total', (s: BacklogSummary) => (s.total = 4)],
    ['a status count', (s: BacklogSummary) => (s.byStatus['Done'] = 2)],
    ['a new priority', (s: BacklogSummary) => (s.byPriority['Low'] = 1)],
    ['overdue', (s: BacklogSummary) => s.overdue.push('ATL-9')],
    ['unassigned', (s: BacklogSummary) => (s.unassigned = [])],
  ])('sees a difference in %s', (_name, mutate) => {
    // Prepare
    const a = summary();
    const b = summary();
    mutate(b);

    // Act
    const same = sameBacklog(a, b);

    // Assess
    expect(same).toBe(false);
  });

  it('treats a recomputed, unchanged backlog as the same', () => {
    // Prepare
    const issues = [issue('ATL-1', { dueDate: '2026-03-01' }), issue('ATL-2', { assignee: null, priority: 'High' })];
    const first = computeBacklogSummary(issues, undefined, NOW);

    // Act
    const second = computeBacklogSummary([...issues].reverse(), first, '2026-03-05T09:15:00.000Z');

    // Assess
    expect(sameBacklog(first, second)).toBe(true);
  });
});
