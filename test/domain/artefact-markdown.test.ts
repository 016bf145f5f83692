import { describe, expect, it } from 'vitest';
import {
  emptyArtefact, renderArtefactCompact, renderArtefactMarkdown,
  type Artefact, type ArtefactContentByType, type ArtefactType, type RaidItem,
} from '@agentic-pm/domain';

const T0 = '2026-03-02T09:00:00.000Z';

const artefact = <T extends ArtefactType>(type: T, content: ArtefactContentByType[T], version = 3): Artefact<T> => ({
  projectId: 'atlas', type, version, content, changeSummary: 'added risk R-001', updatedAt: T0,
});

const raidItem = (overrides: Partial<RaidItem>): RaidItem => ({
  id: 'R-001', kind: 'risk', description: 'Vendor may slip', owner: null, severity: 'high', status: 'open',
  raisedAt: T0, updatedAt: T0, sourceSignals: [], ...overrides,
});

const raidLog = (): ArtefactContentByType['raid_log'] => ({
  items: [
    raidItem({}),
    raidItem({ id: 'I-001', kind: 'issue', description: 'SSO is broken', owner: 'Priya', severity: 'medium', status: 'closed' }),
    raidItem({ id: 'D-001', kind: 'dependency', description: 'Legal sign-off', severity: 'low' }),
  ],
});

describe('renderArtefactMarkdown', () => {
  it.each([
    ['raid_log', '## RAID log (v3)'],
    ['delivery_state', '## Delivery state (v3)'],
    ['backlog_summary', '## Backlog summary (v3)'],
    ['decision_log', '## Decision log (v3)'],
  ] as const)('renders %s under a heading with its version and the last change', (type, heading) => {
    // Prepare
    const input = artefact(type, emptyArtefact(type, T0));

    // Act
    const markdown = renderArtefactMarkdown(input);

    // Assess
    expect(markdown.split('\n')[0]).toBe(heading);
    expect(markdown).toContain('_Last change: added risk R-001_');
  });

  it('renders a RAID log as a table row per item, with the owner or a dash', () => {
    // Prepare
    const input = artefact('raid_log', raidLog());

    // Act
    const markdown = renderArtefactMarkdown(input);

    // Assess
    expect(markdown).toContain('| ID | Kind | Description | Owner | Severity | Status | Raised |');
    expect(markdown).toContain('| R-001 | risk | Vendor may slip | — | high | open | 2026-03-02 |');
    expect(markdown).toContain('| I-001 | issue | SSO is broken | Priya | medium | closed | 2026-03-02 |');
  });

  it('escapes pipes and flattens line breaks in table cells', () => {
    // Prepare
    const raid = artefact('raid_log', { items: [raidItem({ description: 'Either A | or B\nnext line' })] });
    const decisions = artefact('decision_log', {
      entries: [{ id: 'DEC-001', date: '2026-03-02', decision: 'Pick X | Y', rationale: 'cost|time', decidedBy: 'Dana', source: 'agent' }],
    });

    // Act
    const raidMarkdown = renderArtefactMarkdown(raid);
    const decisionMarkdown = renderArtefactMarkdown(decisions);

    // Assess
    expect(raidMarkdown).toContain('| Either A \\| or B next line |');
    expect(decisionMarkdown).toContain('| DEC-001 | 2026-03-02 | Pick X \\| Y | cost\\|time | Dana | agent |');
  });

  it('says so when a RAID log or decision log is empty', () => {
    // Act
    const raid = renderArtefactMarkdown(artefact('raid_log', emptyArtefact('raid_log', T0)));
    const decisions = renderArtefactMarkdown(artefact('decision_log', emptyArtefact('decision_log', T0)));

    // Assess
    expect(raid).toContain('_No risks, assumptions, issues or dependencies recorded._');
    expect(decisions).toContain('_No decisions recorded._');
  });

  it('renders the delivery status, blockers and milestones', () => {
    // Prepare
    const input = artefact('delivery_state', {
      rag: 'red', reason: '1 open blocker(s)', keyDates: [],
      blockers: [{ issueKey: 'ATL-1', description: 'Waiting on SSO', since: '2026-03-02T09:15:00.000Z', sourceSignals: [] }],
      milestones: [{ name: 'Cutover', dueDate: '2026-03-13', status: 'at risk' }, { name: 'Training', dueDate: null, status: 'planned' }],
    });

    // Act
    const markdown = renderArtefactMarkdown(input);

    // Assess
    expect(markdown).toContain('**Status:** RED: 1 open blocker(s)');
    expect(markdown).toContain('- ATL-1: Waiting on SSO (since 2026-03-02 09:15)');
    expect(markdown).toContain('- Cutover: at risk, due 2026-03-13');
    expect(markdown).toContain('- Training: planned');
    expect(markdown).not.toContain('_No open blockers._');
  });

  it('does not double the issue key of a blocker whose description starts with it', () => {
    // Prepare
    const input = artefact('delivery_state', {
      rag: 'red', reason: '1 open blocker(s)', milestones: [], keyDates: [],
      blockers: [{ issueKey: 'ATL-1', description: 'ATL-1: Waiting on SSO', since: T0, sourceSignals: [] }],
    });

    // Act
    const markdown = renderArtefactMarkdown(input);

    // Assess
    expect(markdown).toContain('- ATL-1: Waiting on SSO (since 2026-03-02 09:00)');
  });

  it('keeps the issue key of a blocker whose description starts with a longer key', () => {
    // Prepare
    const input = artefact('delivery_state', {
      rag: 'red', reason: '1 open blocker(s)', milestones: [], keyDates: [],
      blockers: [{ issueKey: 'ATL-1', description: 'ATL-12 must land first', since: T0, sourceSignals: [] }],
    });

    // Act
    const markdown = renderArtefactMarkdown(input);

    // Assess
    expect(markdown).toContain('- ATL-1: ATL-12 must land first');
  });

  it('renders the backlog counts, overdue, unassigned and changes', () => {
    // Prepare
    const input = artefact('backlog_summary', {
      total: 3, byStatus: { Done: 1, 'To Do': 2 }, byPriority: {}, overdue: ['ATL-1'], unassigned: ['ATL-2', 'ATL-3'], changedSinceLast: [], asOf: T0,
    });

    // Act
    const markdown = renderArtefactMarkdown(input);

    // Assess
    expect(markdown).toContain('**3 issues** as of 2026-03-02 09:00 UTC');
    expect(markdown).toContain('- By status: Done 1, To Do 2');
    expect(markdown).toContain('- By priority: none');
    expect(markdown).toContain('- Overdue: ATL-1');
    expect(markdown).toContain('- Unassigned: ATL-2, ATL-3');
    expect(markdown).toContain('- Changed since last summary: none');
  });
});

describe('renderArtefactCompact', () => {
  it('lists only open RAID items, one per line', () => {
    // Prepare
    const input = artefact('raid_log', raidLog());

    // Act
    const compact = renderArtefactCompact(input);

    // Assess
    expect(compact.split('\n')).toEqual(['R-001 risk high: Vendor may slip', 'D-001 dependency low: Legal sign-off']);
    expect(compact).not.toContain('I-001');
  });

  it('renders the delivery state as its RAG line and one line per blocker', () => {
    // Prepare
    const input = artefact('delivery_state', {
      rag: 'red', reason: '1 open blocker(s)', milestones: [], keyDates: [],
      blockers: [{ issueKey: 'ATL-1', description: 'Waiting on SSO', since: T0, sourceSignals: [] }],
    });

    // Act
    const compact = renderArtefactCompact(input);

    // Assess
    expect(compact).toBe('RAG red: 1 open blocker(s)\nblocker ATL-1 Waiting on SSO');
  });

  it('keeps only the last ten decisions', () => {
    // Prepare
    const entries = Array.from({ length: 12 }, (_, i) => ({
      id: `DEC-${String(i + 1).padStart(3, '0')}`, date: '2026-03-02', decision: `Decision ${i + 1}`, rationale: 'r', decidedBy: 'Dana', source: 'agent',
    }));

    // Act
    const compact = renderArtefactCompact(artefact('decision_log', { entries }));

    // Assess
    const lines = compact.split('\n');
    expect(lines).toHaveLength(10);
    expect(lines[0]).toBe('DEC-003 2026-03-02: Decision 3');
  });

  it('summarises the backlog on one line', () => {
    // Prepare
    const input = artefact('backlog_summary', {
      total: 2, byStatus: { 'To Do': 2 }, byPriority: {}, overdue: ['ATL-1', 'ATL-2'], unassigned: [], changedSinceLast: [], asOf: T0,
    });

    // Act
    const compact = renderArtefactCompact(input);

    // Assess
    expect(compact).toBe('2 issues; To Do 2; overdue ATL-1,ATL-2');
  });
});
