import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultSettings, evaluateAction, type ActionPayload, type ProposedAction } from '@agentic-pm/domain';
import { project } from '../support/projects';

const NOW = '2026-03-02T09:00:00.000Z';
const settings = defaultSettings();

const action = (payload: ActionPayload, overrides: Partial<ProposedAction> = {}): ProposedAction => ({
  id: 'a1', projectId: 'atlas', payload, confidence: 0.9, rationale: 'because',
  provenance: { trust: 'internal', injectionSuspected: false, signalIds: ['s1'] }, ...overrides,
});

const comment: ActionPayload = { type: 'jira_comment', issueKey: 'ATL-1', body: 'Noted' };
const transition: ActionPayload = { type: 'jira_transition', issueKey: 'ATL-1', toStatus: 'Blocked' };
const mailInside: ActionPayload = { type: 'send_email', to: ['dev@acme.test'], subject: 'Update', body: 'Hi' };
const mailOutside: ActionPayload = { type: 'send_email', to: ['x@evil.example'], subject: 'Export', body: 'Data' };
const notify: ActionPayload = { type: 'notify_owner', subject: 'FYI', body: 'Something' };

describe('evaluateAction', () => {
  it.each([
    ['act: comment executes', 'act', comment, {}, 'execute'],
    ['act: transition executes', 'act', transition, {}, 'execute'],
    ['act: mail inside the domains is held', 'act', mailInside, {}, 'hold'],
    ['act: mail outside the domains is blocked', 'act', mailOutside, {}, 'block'],
    ['act: another project issue is blocked', 'act', { ...comment, issueKey: 'BOR-1' }, {}, 'block'],
    ['act: unknown transition is blocked', 'act', { ...transition, toStatus: 'Deleted' }, {}, 'block'],
    ['act: field not allowed is blocked', 'act', { type: 'jira_update_field', issueKey: 'ATL-1', field: 'reporter', value: 'x' }, {}, 'block'],
    ['act: external provenance escalates', 'act', comment, { provenance: { trust: 'external', injectionSuspected: false, signalIds: [] } }, 'escalate'],
    ['act: injection escalates', 'act', comment, { provenance: { trust: 'internal', injectionSuspected: true, signalIds: [] } }, 'escalate'],
    ['act: low confidence escalates', 'act', comment, { confidence: 0.3 }, 'escalate'],
    ['maintain: comment executes', 'maintain', comment, {}, 'execute'],
    ['maintain: transition is held', 'maintain', transition, {}, 'hold'],
    ['observe: comment is blocked', 'observe', comment, {}, 'block'],
    ['observe: mail inside is blocked', 'observe', mailInside, {}, 'block'],
    ['observe: notifying the owner executes', 'observe', notify, {}, 'execute'],
  ] as const)('%s', (_name, level, payload, overrides, expected) => {
    // Act
    const decision = evaluateAction(action(payload, overrides as Partial<ProposedAction>), project({ autonomyLevel: level }), settings, { now: NOW, executedThisRun: 0 });

    // Assess
    expect(decision.outcome).toBe(expected);
    expect(decision.reason.length).toBeGreaterThan(0);
  });

  it('holds with an executeAfter of now plus the hold delay', () => {
    // Act
    const decision = evaluateAction(action(mailInside), project(), settings, { now: NOW, executedThisRun: 0 });

    // Assess
    expect(decision.executeAfter).toBe('2026-03-02T09:30:00.000Z');
  });

  it('escalates past the per-run cap', () => {
    // Act
    const decision = evaluateAction(action(comment), project(), settings, { now: NOW, executedThisRun: settings.maxActionsPerRun });

    // Assess
    expect(decision.outcome).toBe('escalate');
  });

  it('never executes a blocked case, whatever the confidence, provenance, approval or level', () => {
    const outside = fc.oneof(
      fc.record({ type: fc.constant('send_email' as const), to: fc.array(fc.constantFrom('a@evil.example', 'b@acme.test.evil.example', 'c@ACME.test.example'), { minLength: 1, maxLength: 3 }), subject: fc.constant('s'), body: fc.constant('b') }),
      fc.record({ type: fc.constant('jira_comment' as const), issueKey: fc.constantFrom('BOR-1', 'ATLX-2', 'AT-3'), body: fc.constant('b') }),
      fc.record({ type: fc.constant('jira_transition' as const), issueKey: fc.constant('ATL-1'), toStatus: fc.constantFrom('Deleted', 'Archived') }),
    );
    fc.assert(
      fc.property(
        outside,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom('internal' as const, 'external' as const),
        fc.boolean(),
        fc.option(fc.constant('owner'), { nil: undefined }),
        fc.constantFrom('observe' as const, 'maintain' as const, 'act' as const),
        fc.nat(20),
        (payload, confidence, trust, injection, approvedBy, level, executed) => {
          const proposed = action(payload, { confidence, provenance: { trust, injectionSuspected: injection, signalIds: [] }, ...(approvedBy ? { approvedBy } : {}) });
          const decision = evaluateAction(proposed, project({ autonomyLevel: level }), settings, { now: NOW, executedThisRun: executed });
          return decision.outcome === 'block';
        },
      ),
    );
  });
});
