import { describe, expect, it } from 'vitest';
import type { Category, FieldChange, Severity, TriageResult } from '@agentic-pm/domain';
import type { StoredSignal } from '@agentic-pm/storage';
import { opsForSimpleSignal, unblockOps } from '../../packages/agent/src/simple-signal-ops';

const triage = (category: Category, overrides: { severity?: Severity; complexity?: 'simple' | 'complex'; via?: TriageResult['via']; summary?: string } = {}): TriageResult => ({
  sanitised: { id: 's1', summary: overrides.summary ?? 'SSO team has not started', entities: { issueKeys: [], dates: [], people: [], amounts: [] }, requests: [], injectionSuspected: false },
  classification: { id: 's1', category, severity: overrides.severity ?? 'high', confidence: 0.9, complexity: overrides.complexity ?? 'simple', artefacts: [] },
  via: overrides.via ?? 'model',
});

const signal = (overrides: Partial<StoredSignal> = {}): StoredSignal => ({
  id: 'jira:10001:1', projectId: 'atlas', source: 'jira', dedupeKey: '10001:1', occurredAt: '2026-03-02T09:05:00.000Z', actor: 'Priya',
  trust: 'internal', issueKey: 'ATL-1', title: 'ATL-1: Migrate accounts', text: 'untrusted', runId: 'run-1', ...overrides,
});

describe('opsForSimpleSignal', () => {
  it.each([
    ['risk', [{ op: 'raid_add', kind: 'risk', description: 'ATL-1: SSO team has not started', owner: null, severity: 'high' }]],
    ['issue', [{ op: 'raid_add', kind: 'issue', description: 'ATL-1: SSO team has not started', owner: null, severity: 'high' }]],
    ['dependency', [{ op: 'raid_add', kind: 'dependency', description: 'ATL-1: SSO team has not started', owner: null, severity: 'high' }]],
    ['blocker', [
      { op: 'raid_add', kind: 'issue', description: 'ATL-1: SSO team has not started', owner: null, severity: 'high' },
      { op: 'delivery_add_blocker', issueKey: 'ATL-1', description: 'ATL-1: SSO team has not started' },
    ]],
    ['schedule_change', [{ op: 'raid_add', kind: 'risk', description: 'Schedule change: ATL-1: SSO team has not started', owner: null, severity: 'high' }]],
    ['decision_needed', []],
    ['scope_change', []],
    ['status_update', []],
    ['info', []],
    ['noise', []],
  ] as const)('%s', (category, expected) => {
    // Prepare
    const input = signal({ triage: triage(category) });

    // Act
    const ops = opsForSimpleSignal(input);

    // Assess
    expect(ops).toEqual(expected);
  });

  it('leaves the issue key out of a mail signal, and its blocker has none', () => {
    // Prepare
    const input = signal({ source: 'outlook', issueKey: undefined, triage: triage('blocker', { severity: 'critical', summary: 'Legal has not signed' }) });

    // Act
    const ops = opsForSimpleSignal(input);

    // Assess
    expect(ops).toEqual([
      { op: 'raid_add', kind: 'issue', description: 'Legal has not signed', owner: null, severity: 'critical' },
      { op: 'delivery_add_blocker', issueKey: null, description: 'Legal has not signed' },
    ]);
  });

  it('does not double the issue key when the summary already starts with it', () => {
    // Prepare
    const input = signal({ triage: triage('risk', { summary: 'ATL-1 may slip a week' }) });

    // Act
    const ops = opsForSimpleSignal(input);

    // Assess
    expect(ops).toEqual([{ op: 'raid_add', kind: 'risk', description: 'ATL-1 may slip a week', owner: null, severity: 'high' }]);
  });

  it('keeps the issue key when the summary starts with a longer key', () => {
    // Prepare
    const input = signal({ triage: triage('risk', { summary: 'ATL-12 must land first' }) });

    // Act
    const ops = opsForSimpleSignal(input);

    // Assess
    expect(ops).toEqual([{ op: 'raid_add', kind: 'risk', description: 'ATL-1: ATL-12 must land first', owner: null, severity: 'high' }]);
  });

  it('keeps descriptions within the operation limits', () => {
    // Prepare
    const input = signal({ triage: triage('blocker', { summary: 'z'.repeat(600) }) });

    // Act
    const [raid, blocker] = opsForSimpleSignal(input);

    // Assess
    expect(raid?.op === 'raid_add' && raid.description.length).toBe(500);
    expect(blocker?.op === 'delivery_add_blocker' && blocker.description.length).toBe(300);
  });

  it.each([
    ['no triage', undefined],
    ['a complex signal', triage('risk', { complexity: 'complex' })],
    ['a rules noise result', triage('noise', { via: 'rules' })],
    ['a fail-closed result', triage('risk', { via: 'fail_closed' })],
  ])('gives no operations for %s', (_name, result) => {
    // Prepare
    const input = signal(result ? { triage: result } : {});

    // Act
    const ops = opsForSimpleSignal(input);

    // Assess
    expect(ops).toEqual([]);
  });

  it('records a schedule change the Jira rules settled, as it would a model result', () => {
    // Prepare
    const input = signal({ triage: triage('schedule_change', { via: 'rules', severity: 'medium', summary: 'ATL-1: due date 2026-03-10 -> 2026-03-20.' }) });

    // Act
    const ops = opsForSimpleSignal(input);

    // Assess
    expect(ops).toEqual([{ op: 'raid_add', kind: 'risk', description: 'Schedule change: ATL-1: due date 2026-03-10 -> 2026-03-20.', owner: null, severity: 'medium' }]);
  });
});

describe('unblockOps', () => {
  it.each<[string, FieldChange[], boolean]>([
    ['Blocked to In Progress', [{ field: 'status', from: 'Blocked', to: 'In Progress' }], true],
    ['blocked to Done, in any case', [{ field: 'Status', from: 'BLOCKED', to: 'Done' }], true],
    ['Blocked to nothing', [{ field: 'status', from: 'Blocked', to: null }], true],
    ['among other changes', [{ field: 'priority', from: 'Low', to: 'High' }, { field: 'status', from: 'Blocked', to: 'In Review' }], true],
    ['into Blocked', [{ field: 'status', from: 'In Progress', to: 'Blocked' }], false],
    ['Blocked to blocked', [{ field: 'status', from: 'Blocked', to: 'blocked' }], false],
    ['another field from Blocked', [{ field: 'labels', from: 'Blocked', to: 'ready' }], false],
    ['no changes', [], false],
  ])('status %s: clears the blocker = %s', (_name, changes, clears) => {
    // Prepare
    const input = signal({ changes });

    // Act
    const ops = unblockOps(input);

    // Assess
    expect(ops).toEqual(clears ? [{ op: 'delivery_clear_blocker', issueKey: 'ATL-1' }] : []);
  });

  it('gives nothing for a signal without an issue key', () => {
    // Prepare
    const input = signal({ issueKey: undefined, changes: [{ field: 'status', from: 'Blocked', to: 'Done' }] });

    // Act
    const ops = unblockOps(input);

    // Assess
    expect(ops).toEqual([]);
  });
});
