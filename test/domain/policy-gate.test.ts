import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildForeignDataIndex, defaultSettings, evaluateAction, evaluateEscalation, type ActionPayload, type ProposedAction } from '@agentic-pm/domain';
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

describe('evaluateAction: caps on telling the owner', () => {
  it('blocks owner notifications past the per-run cap, at every autonomy level', () => {
    for (const level of ['observe', 'maintain', 'act'] as const) {
      // Act
      const under = evaluateAction(action(notify), project({ autonomyLevel: level }), settings, { now: NOW, executedThisRun: 0, notifiedThisRun: settings.maxOwnerNotificationsPerRun - 1 });
      const over = evaluateAction(action(notify), project({ autonomyLevel: level }), settings, { now: NOW, executedThisRun: 0, notifiedThisRun: settings.maxOwnerNotificationsPerRun });

      // Assess
      expect(under.outcome).toBe('execute');
      expect(over.outcome).toBe('block');
      expect(over.reason).toMatch(/owner notifications/);
    }
  });

  it('turns an escalation into a block once the per-run escalation cap is reached', () => {
    // Prepare
    const suspicious = action(comment, { provenance: { trust: 'external', injectionSuspected: true, signalIds: [] } });

    // Act
    const under = evaluateAction(suspicious, project(), settings, { now: NOW, executedThisRun: 0, escalatedThisRun: settings.maxEscalationsPerRun - 1 });
    const over = evaluateAction(suspicious, project(), settings, { now: NOW, executedThisRun: 0, escalatedThisRun: settings.maxEscalationsPerRun });

    // Assess
    expect(under.outcome).toBe('escalate');
    expect(over.outcome).toBe('block');
  });

  it('caps escalations a step proposes on its own', () => {
    // Prepare
    const request = { title: 'Decide', context: 'Which vendor?', options: ['A', 'B'], recommendation: 0, rationale: 'cheaper' };

    // Act
    const under = evaluateEscalation(request, settings, { escalatedThisRun: 0 });
    const over = evaluateEscalation(request, settings, { escalatedThisRun: settings.maxEscalationsPerRun });

    // Assess
    expect(under.outcome).toBe('escalate');
    expect(over.outcome).toBe('block');
  });
});

describe('evaluateAction: recipients and leaks', () => {
  const borealis = { projectId: 'borealis', jiraProjectKey: 'BOR', texts: ['BOR-7 Acquisition due diligence for code name HALCYON-7781', 'Borealis pricing model: the enterprise tier discount stays confidential until the board meets'] };
  const foreignData = buildForeignDataIndex([borealis], ['Atlas', 'ATL-1 Migrate customer accounts'], 'ATL');
  const gate = { now: NOW, executedThisRun: 0, foreignData };

  it.each([
    ['a look-alike domain with a digit', 'ceo@acme1.test'],
    ['a look-alike domain with a Cyrillic letter', 'ceo@\u0430cme.test'],
    ['a punycode domain', 'ceo@xn--cme-8cd.test'],
    ['a sub-domain of an outside domain', 'ceo@acme.test.evil.example'],
  ])('blocks mail to %s', (_name, to) => {
    // Act
    const decision = evaluateAction(action({ type: 'send_email', to: [to], subject: 'Hi', body: 'Hi' }, { approvedBy: 'lead@acme.test' }), project(), settings, gate);

    // Assess
    expect(decision.outcome).toBe('block');
  });

  it.each([
    ['an email naming another project issue', { type: 'send_email', to: ['dev@acme.test'], subject: 'FYI', body: 'See BOR-7 for context.' }],
    ['an email with another project code name', { type: 'send_email', to: ['dev@acme.test'], subject: 'FYI', body: 'The code name is halcyon-7781.' }],
    ['a Jira comment copying another project text', { type: 'jira_comment', issueKey: 'ATL-1', body: 'Note: the enterprise tier discount stays confidential until the board meets.' }],
    ['an owner note with another project code name', { type: 'notify_owner', subject: 'HALCYON-7781', body: 'see subject' }],
  ] as const)('blocks %s, even when approved, and does not quote the data', (_name, payload) => {
    // Act
    const decision = evaluateAction(action(payload as ActionPayload, { approvedBy: 'lead@acme.test' }), project(), settings, gate);

    // Assess
    expect(decision.outcome).toBe('block');
    expect(decision.reason).not.toMatch(/halcyon|BOR-7|discount/i);
  });

  it('blocks a leak in the rationale, which an escalation would mail to the owner', () => {
    // Act
    const decision = evaluateAction(action(comment, { rationale: 'Because of HALCYON-7781', provenance: { trust: 'external', injectionSuspected: true, signalIds: [] } }), project(), settings, gate);

    // Assess
    expect(decision.outcome).toBe('block');
  });

  it('lets own-project text through', () => {
    // Act
    const decision = evaluateAction(action({ type: 'jira_comment', issueKey: 'ATL-1', body: 'Migrate customer accounts: on track for ATL-1.' }), project(), settings, gate);

    // Assess
    expect(decision.outcome).toBe('execute');
  });

  it('blocks an escalation whose text carries another project data', () => {
    // Act
    const decision = evaluateEscalation({ title: 'Decide', context: 'Forwarded: HALCYON-7781', options: ['A'], recommendation: 0, rationale: 'r' }, settings, gate);

    // Assess
    expect(decision.outcome).toBe('block');
  });
});
