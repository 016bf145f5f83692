import { describe, expect, it } from 'vitest';
import {
  applyArtefactOps, artefactOfOp, emptyArtefact,
  type ArtefactOp, type DecisionLog, type DeliveryState, type RaidLog,
} from '@agentic-pm/domain';

const T0 = '2026-03-02T09:00:00.000Z';
const T1 = '2026-03-02T09:15:00.000Z';

const ops = (...list: ArtefactOp[]): Array<{ op: ArtefactOp; signalIds: string[] }> => list.map((op, i) => ({ op, signalIds: [`s${i + 1}`] }));

const risk = (description: string): ArtefactOp => ({ op: 'raid_add', kind: 'risk', description, owner: null, severity: 'high' });
const issue = (description: string): ArtefactOp => ({ op: 'raid_add', kind: 'issue', description, owner: 'Priya', severity: 'medium' });
const blocker = (issueKey: string | null, description: string): ArtefactOp => ({ op: 'delivery_add_blocker', issueKey, description });
const decision = (text: string): ArtefactOp => ({ op: 'decision_add', decision: text, rationale: 'cheaper', decidedBy: 'Dana' });

/** A RAID log with one open risk R-001, built through the public API. */
const raidWithRisk = (): RaidLog => applyArtefactOps('raid_log', emptyArtefact('raid_log', T0), ops(risk('Vendor may slip')), T0).content;

/** A delivery state that is red because ATL-1 is blocked. */
const blockedOnAtl1 = (): DeliveryState =>
  applyArtefactOps('delivery_state', emptyArtefact('delivery_state', T0), ops(blocker('ATL-1', 'Waiting on SSO')), T0).content;

describe('emptyArtefact', () => {
  it('returns an empty, green, independent content per type', () => {
    // Act
    const raid = emptyArtefact('raid_log', T0);
    const delivery = emptyArtefact('delivery_state', T0);
    const backlog = emptyArtefact('backlog_summary', T0);
    const decisions = emptyArtefact('decision_log', T0);
    raid.items.push({ id: 'R-001', kind: 'risk', description: 'x', owner: null, severity: 'low', status: 'open', raisedAt: T0, updatedAt: T0, sourceSignals: [] });

    // Assess
    expect(emptyArtefact('raid_log', T0).items).toEqual([]);
    expect(delivery).toMatchObject({ rag: 'green', blockers: [], milestones: [], keyDates: [] });
    expect(backlog).toMatchObject({ total: 0, overdue: [], unassigned: [], changedSinceLast: [], asOf: T0 });
    expect(decisions.entries).toEqual([]);
  });
});

describe('artefactOfOp', () => {
  it.each([
    ['raid_add', 'raid_log'],
    ['raid_update', 'raid_log'],
    ['raid_close', 'raid_log'],
    ['delivery_set_rag', 'delivery_state'],
    ['delivery_add_blocker', 'delivery_state'],
    ['delivery_clear_blocker', 'delivery_state'],
    ['decision_add', 'decision_log'],
  ] as const)('maps %s to %s', (op, type) => {
    // Act
    const result = artefactOfOp({ op } as ArtefactOp);

    // Assess
    expect(result).toBe(type);
  });
});

describe('applyArtefactOps: RAID log', () => {
  it('numbers items per kind: R-001, R-002 and I-001', () => {
    // Prepare
    const log = emptyArtefact('raid_log', T0);

    // Act
    const { content, changes } = applyArtefactOps('raid_log', log, ops(risk('Vendor may slip'), issue('SSO is broken'), risk('Budget overrun')), T0);

    // Assess
    expect(content.items.map((i) => i.id)).toEqual(['R-001', 'I-001', 'R-002']);
    expect(changes).toEqual(['added risk R-001', 'added issue I-001', 'added risk R-002']);
    expect(content.items[1]).toMatchObject({ kind: 'issue', owner: 'Priya', severity: 'medium', status: 'open', raisedAt: T0, updatedAt: T0, sourceSignals: ['s2'] });
  });

  it('continues numbering after the highest id of that kind', () => {
    // Prepare
    const log = raidWithRisk();
    log.items[0]!.id = 'R-007';

    // Act
    const { content } = applyArtefactOps('raid_log', log, ops(risk('Another risk')), T1);

    // Assess
    expect(content.items.map((i) => i.id)).toEqual(['R-007', 'R-008']);
  });

  it('skips an open twin of the same kind, ignoring case and whitespace', () => {
    // Prepare
    const log = raidWithRisk();

    // Act
    const { content, changes } = applyArtefactOps('raid_log', log, ops(risk('  vendor   MAY slip ')), T1);

    // Assess
    expect(changes).toEqual([]);
    expect(content.items).toHaveLength(1);
  });

  it('adds the same description again once the earlier item is closed', () => {
    // Prepare
    const closed = applyArtefactOps('raid_log', raidWithRisk(), ops({ op: 'raid_close', itemId: 'R-001' }), T1).content;

    // Act
    const { content, changes } = applyArtefactOps('raid_log', closed, ops(risk('Vendor may slip')), T1);

    // Assess
    expect(changes).toEqual(['added risk R-002']);
    expect(content.items.map((i) => [i.id, i.status])).toEqual([['R-001', 'closed'], ['R-002', 'open']]);
  });

  it('updates fields, stamps updatedAt and merges source signals', () => {
    // Prepare
    const log = raidWithRisk();

    // Act
    const { content, changes } = applyArtefactOps('raid_log', log, [{ op: { op: 'raid_update', itemId: 'R-001', severity: 'critical', owner: 'Tom' }, signalIds: ['s1', 's9'] }], T1);

    // Assess
    expect(changes).toEqual(['updated R-001']);
    expect(content.items[0]).toMatchObject({ severity: 'critical', owner: 'Tom', description: 'Vendor may slip', updatedAt: T1, raisedAt: T0, sourceSignals: ['s1', 's9'] });
  });

  it('reports no change for an update that changes nothing', () => {
    // Prepare
    const log = raidWithRisk();

    // Act
    const { content, changes } = applyArtefactOps('raid_log', log, ops({ op: 'raid_update', itemId: 'R-001', severity: 'high' }), T1);

    // Assess
    expect(changes).toEqual([]);
    expect(content).toEqual(log);
  });

  it.each([
    ['raid_update', { op: 'raid_update', itemId: 'R-404', severity: 'low' }],
    ['raid_close', { op: 'raid_close', itemId: 'R-404' }],
  ] as const)('%s on an unknown id is rejected and changes nothing', (_name, op) => {
    // Prepare
    const log = raidWithRisk();

    // Act
    const result = applyArtefactOps('raid_log', log, ops(op), T1);

    // Assess
    expect(result.rejected).toEqual([{ op, reason: 'RAID item R-404 does not exist' }]);
    expect(result.changes).toEqual([]);
    expect(result.content).toEqual(log);
  });

  it('closes an item once; closing it again is a no-op', () => {
    // Prepare
    const log = raidWithRisk();

    // Act
    const first = applyArtefactOps('raid_log', log, ops({ op: 'raid_close', itemId: 'R-001' }), T1);
    const second = applyArtefactOps('raid_log', first.content, ops({ op: 'raid_close', itemId: 'R-001' }), '2026-03-02T10:00:00.000Z');

    // Assess
    expect(first.changes).toEqual(['closed R-001']);
    expect(first.content.items[0]).toMatchObject({ status: 'closed', updatedAt: T1 });
    expect(second.changes).toEqual([]);
    expect(second.content).toEqual(first.content);
  });

  it('does not mutate the content it is given', () => {
    // Prepare
    const log = raidWithRisk();
    const before = structuredClone(log);

    // Act
    applyArtefactOps('raid_log', log, ops(risk('New'), { op: 'raid_close', itemId: 'R-001' }), T1);

    // Assess
    expect(log).toEqual(before);
  });

  it('ignores operations meant for another artefact', () => {
    // Prepare
    const log = raidWithRisk();

    // Act
    const { content, changes } = applyArtefactOps('raid_log', log, ops(blocker('ATL-1', 'x'), decision('Go')), T1);

    // Assess
    expect(changes).toEqual([]);
    expect(content).toEqual(log);
  });
});

describe('applyArtefactOps: delivery state', () => {
  it('adds a blocker and derives RED from it', () => {
    // Prepare
    const state = emptyArtefact('delivery_state', T0);

    // Act
    const { content, changes } = applyArtefactOps('delivery_state', state, ops(blocker('ATL-1', 'Waiting on SSO')), T0);

    // Assess
    expect(changes).toEqual(['blocker ATL-1', 'status RED (open blockers)']);
    expect(content.rag).toBe('red');
    expect(content.reason).toBe('1 open blocker(s)');
    expect(content.blockers).toEqual([{ issueKey: 'ATL-1', description: 'Waiting on SSO', since: T0, sourceSignals: ['s1'] }]);
  });

  it('dedupes blockers by issue key, and keyless ones by description', () => {
    // Prepare
    const state = blockedOnAtl1();

    // Act
    const { content, changes } = applyArtefactOps(
      'delivery_state', state,
      ops(blocker('ATL-1', 'Different words, same issue'), blocker(null, 'Legal sign-off'), blocker(null, 'legal  SIGN-OFF')),
      T1,
    );

    // Assess
    expect(content.blockers.map((b) => b.issueKey ?? b.description)).toEqual(['ATL-1', 'Legal sign-off']);
    expect(changes).toEqual(['blocker Legal sign-off']);
  });

  it('clears a blocker by issue key and comes back to AMBER when none are left', () => {
    // Prepare
    const state = blockedOnAtl1();

    // Act
    const { content, changes } = applyArtefactOps('delivery_state', state, ops({ op: 'delivery_clear_blocker', issueKey: 'ATL-1' }), T1);

    // Assess
    expect(changes).toEqual(['cleared blocker ATL-1', 'status AMBER (blockers cleared)']);
    expect(content.blockers).toEqual([]);
    expect(content.rag).toBe('amber');
    expect(content.reason).toBe('Blockers cleared; recovering');
  });

  it('stays RED after clearing when the red status was set for another reason', () => {
    // Prepare
    const state = applyArtefactOps('delivery_state', blockedOnAtl1(), ops({ op: 'delivery_set_rag', rag: 'red', reason: 'Budget exhausted' }), T0).content;

    // Act
    const { content, changes } = applyArtefactOps('delivery_state', state, ops({ op: 'delivery_clear_blocker', issueKey: 'ATL-1' }), T1);

    // Assess
    expect(changes).toEqual(['cleared blocker ATL-1']);
    expect(content).toMatchObject({ rag: 'red', reason: 'Budget exhausted', blockers: [] });
  });

  it('reports no change for clearing a blocker that is not there', () => {
    // Prepare
    const state = emptyArtefact('delivery_state', T0);

    // Act
    const { changes } = applyArtefactOps('delivery_state', state, ops({ op: 'delivery_clear_blocker', issueKey: 'ATL-9' }), T1);

    // Assess
    expect(changes).toEqual([]);
  });

  it('sets the RAG status, and setting the same status again is no change', () => {
    // Prepare
    const state = emptyArtefact('delivery_state', T0);
    const amber: ArtefactOp = { op: 'delivery_set_rag', rag: 'amber', reason: 'Testing is late' };

    // Act
    const first = applyArtefactOps('delivery_state', state, ops(amber), T0);
    const second = applyArtefactOps('delivery_state', first.content, ops(amber), T1);

    // Assess
    expect(first.changes).toEqual(['status AMBER']);
    expect(first.content).toMatchObject({ rag: 'amber', reason: 'Testing is late' });
    expect(second.changes).toEqual([]);
  });

  it('keeps RED while blockers are open even when GREEN is requested', () => {
    // Prepare
    const state = blockedOnAtl1();

    // Act
    const { content } = applyArtefactOps('delivery_state', state, ops({ op: 'delivery_set_rag', rag: 'green', reason: 'All fine' }), T1);

    // Assess
    expect(content.rag).toBe('red');
  });

  it('reports no change when a requested GREEN is overridden back to the same RED', () => {
    // Prepare
    const state = blockedOnAtl1();

    // Act
    const { content, changes } = applyArtefactOps('delivery_state', state, ops({ op: 'delivery_set_rag', rag: 'green', reason: 'All fine' }), T1);

    // Assess
    expect(content).toEqual(state);
    expect(changes).toEqual([]);
  });

  it('keeps the derived reason in step with the number of open blockers', () => {
    // Prepare
    const state = blockedOnAtl1();

    // Act
    const { content } = applyArtefactOps('delivery_state', state, ops(blocker('ATL-2', 'Waiting on legal')), T1);

    // Assess
    expect(content.blockers).toHaveLength(2);
    expect(content.reason).toBe('2 open blocker(s)');
  });
});

describe('applyArtefactOps: decision log', () => {
  it('records decisions with sequential ids, the date and the signal ids as source', () => {
    // Prepare
    const log = emptyArtefact('decision_log', T0);

    // Act
    const { content, changes } = applyArtefactOps('decision_log', log, [
      { op: decision('Go with vendor B'), signalIds: ['jira:1', 'outlook:2'] },
      { op: decision('Delay cutover a week'), signalIds: [] },
    ], T0);

    // Assess
    expect(changes).toEqual(['recorded DEC-001', 'recorded DEC-002']);
    expect(content.entries[0]).toEqual({ id: 'DEC-001', date: '2026-03-02', decision: 'Go with vendor B', rationale: 'cheaper', decidedBy: 'Dana', source: 'jira:1, outlook:2' });
    expect(content.entries[1]?.source).toBe('agent');
  });

  it('skips a decision already recorded, ignoring case and whitespace', () => {
    // Prepare
    const log: DecisionLog = applyArtefactOps('decision_log', emptyArtefact('decision_log', T0), ops(decision('Go with vendor B')), T0).content;

    // Act
    const { content, changes } = applyArtefactOps('decision_log', log, ops(decision(' go  with VENDOR b')), T1);

    // Assess
    expect(changes).toEqual([]);
    expect(content.entries).toHaveLength(1);
  });
});

describe('applyArtefactOps: no operations', () => {
  it.each(['raid_log', 'delivery_state', 'decision_log'] as const)('%s: no ops means no changes, so no new version', (type) => {
    // Prepare
    const content = emptyArtefact(type, T0);

    // Act
    const result = applyArtefactOps(type, content, [], T1);

    // Assess
    expect(result.changes).toEqual([]);
    expect(result.content).toEqual(content);
  });

  it('delivery_state with open blockers and no ops: no changes', () => {
    // Prepare
    const state = blockedOnAtl1();

    // Act
    const result = applyArtefactOps('delivery_state', state, [], T1);

    // Assess
    expect(result.changes).toEqual([]);
  });
});
