import { describe, expect, it } from 'vitest';
import type { JiraChange, MailMessage } from '@agentic-pm/integrations';
import type { StagedChange } from '@agentic-pm/storage';
import { bound, buildSignal, trustOfSender } from '../../packages/agent/src/signal-builder';
import { project } from '../support/projects';

const RUN = 'run-1';
const atlas = project({ allowedEmailDomains: ['acme.test', 'Partner.Example'] });

const jiraChange = (overrides: Partial<JiraChange> = {}): StagedChange<JiraChange> => {
  const payload: JiraChange = {
    issue: {
      id: '10001', key: 'ATL-1', summary: 'Migrate accounts', status: 'Blocked', priority: 'High', assignee: 'Priya', dueDate: null,
      labels: [], description: 'Move 48k accounts.', created: '2026-03-01T08:00:00.000Z', updated: '2026-03-02T09:05:00.000Z',
    },
    dedupeKey: '10001:1772442300000',
    occurredAt: '2026-03-02T09:05:00.000Z',
    actor: 'Priya Shah',
    created: false,
    changes: [{ field: 'status', from: 'In Progress', to: 'Blocked' }, { field: 'assignee', from: null, to: 'Priya' }],
    comments: [{ id: 'c1', author: 'Tom Reyes', body: 'Waiting on the SSO team.', created: '2026-03-02T09:05:00.000Z' }],
    byAgent: false,
    ...overrides,
  };
  return { projectId: 'atlas', source: 'jira', dedupeKey: payload.dedupeKey, payload };
};

const mail = (overrides: Partial<MailMessage> = {}): StagedChange<MailMessage> => {
  const payload: MailMessage = {
    id: 'AAMk-1', internetMessageId: '<m1@acme.test>', conversationId: 'conv-1', receivedAt: '2026-03-02T09:10:00.000Z',
    from: 'dana@acme.test', fromName: 'Dana', to: ['pm@acme.test'], cc: ['tom@acme.test'],
    subject: 'Vendor delay', bodyText: 'The vendor will be a week late.', isAutoReply: false, isBulk: false,
    ...overrides,
    // The receiving server authenticated the From domain unless a test says otherwise.
    authenticatedDomain: overrides.authenticatedDomain === undefined ? (overrides.from ?? 'dana@acme.test').split('@')[1]!.toLowerCase() : overrides.authenticatedDomain,
  };
  return { projectId: 'atlas', source: 'outlook', dedupeKey: payload.id, payload };
};

describe('buildSignal: Jira', () => {
  it('builds one internal signal titled KEY: summary', () => {
    // Prepare
    const change = jiraChange();

    // Act
    const signal = buildSignal(change, atlas, RUN, 4000);

    // Assess
    expect(signal).toMatchObject({
      id: 'jira:10001:1772442300000', projectId: 'atlas', source: 'jira', dedupeKey: '10001:1772442300000',
      occurredAt: '2026-03-02T09:05:00.000Z', actor: 'Priya Shah', trust: 'internal', issueKey: 'ATL-1',
      title: 'ATL-1: Migrate accounts', changes: change.payload.changes, runId: RUN,
    });
    expect(signal.prefiltered).toBeUndefined();
  });

  it('lists each field change and comment in the text, in order', () => {
    // Prepare
    const change = jiraChange();

    // Act
    const signal = buildSignal(change, atlas, RUN, 4000);

    // Assess
    const lines = signal.text.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/status.*In Progress.*Blocked/);
    expect(lines[1]).toMatch(/assignee.*none.*Priya/);
    expect(lines[2]).toMatch(/Tom Reyes.*Waiting on the SSO team\./);
  });

  it('mentions the creation and the description for a created issue', () => {
    // Prepare
    const change = jiraChange({ created: true, changes: [], comments: [] });

    // Act
    const signal = buildSignal(change, atlas, RUN, 4000);

    // Assess
    const lines = signal.text.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/created/i);
    expect(lines[1]).toBe('Move 48k accounts.');
  });

  it('leaves out an empty description of a created issue', () => {
    // Prepare
    const base = jiraChange({ created: true, changes: [], comments: [] });
    const change = { ...base, payload: { ...base.payload, issue: { ...base.payload.issue, description: '' } } };

    // Act
    const signal = buildSignal(change, atlas, RUN, 4000);

    // Assess
    expect(signal.text.split('\n')).toHaveLength(1);
  });

  it('bounds the text and marks how much was cut', () => {
    // Prepare
    const change = jiraChange({ changes: [], comments: [{ id: 'c1', author: 'Tom', body: 'x'.repeat(500), created: '2026-03-02T09:05:00.000Z' }] });
    const full = buildSignal(change, atlas, RUN, 10_000).text;

    // Act
    const signal = buildSignal(change, atlas, RUN, 200);

    // Assess
    expect(full.length).toBeGreaterThan(500);
    expect(signal.text).toBe(`${full.slice(0, 200)}\n[truncated: ${full.length - 200} more characters]`);
  });
});

describe('bound', () => {
  it('keeps text at the limit unchanged', () => {
    // Act
    const result = bound('abcde', 5);

    // Assess
    expect(result).toBe('abcde');
  });
});

describe('buildSignal: mail', () => {
  it('builds a signal from a message, addressed to its recipients and copies', () => {
    // Prepare
    const message = mail();

    // Act
    const signal = buildSignal(message, atlas, RUN, 4000);

    // Assess
    expect(signal).toMatchObject({
      id: 'outlook:AAMk-1', projectId: 'atlas', source: 'outlook', dedupeKey: 'AAMk-1', occurredAt: '2026-03-02T09:10:00.000Z',
      actor: 'Dana', trust: 'internal', title: 'Vendor delay', text: 'The vendor will be a week late.',
      messageId: '<m1@acme.test>', from: 'dana@acme.test', to: ['pm@acme.test', 'tom@acme.test'], runId: RUN,
    });
    expect(signal.prefiltered).toBeUndefined();
    expect(signal.issueKey).toBeUndefined();
  });

  it('uses the address as actor and leaves out the message id when they are missing', () => {
    // Prepare
    const message = mail({ fromName: null, internetMessageId: null });

    // Act
    const signal = buildSignal(message, atlas, RUN, 4000);

    // Assess
    expect(signal.actor).toBe('dana@acme.test');
    expect(signal).not.toHaveProperty('messageId');
  });

  it.each([
    ['an allowed domain', 'dana@acme.test', 'internal'],
    ['an allowed domain in another case', 'Dana@ACME.Test', 'internal'],
    ['an allowed domain configured in mixed case', 'sam@partner.example', 'internal'],
    ['another domain', 'x@evil.example', 'external'],
    ['a subdomain of an allowed domain', 'x@mail.acme.test', 'external'],
    ['a look-alike domain', 'x@acme.test.evil.example', 'external'],
  ] as const)('trusts mail from %s as %s', (_name, from, trust) => {
    // Prepare
    const message = mail({ from });

    // Act
    const signal = buildSignal(message, atlas, RUN, 4000);

    // Assess
    expect(signal.trust).toBe(trust);
    expect(trustOfSender(from, atlas, from.split('@')[1]!.toLowerCase())).toBe(trust);
  });

  it.each([
    ['an internal From that did not authenticate', 'ceo@acme.test', null],
    ['an internal From authenticated for another domain', 'ceo@acme.test', 'evil.example'],
    ['a look-alike domain that authenticated for itself', 'ceo@acme1.test', 'acme1.test'],
    ['a Cyrillic look-alike that authenticated for itself', 'ceo@\u0430cme.test', '\u0430cme.test'],
    ['a punycode look-alike that authenticated for itself', 'ceo@xn--cme-8cd.test', 'xn--cme-8cd.test'],
  ] as const)('treats %s as external', (_name, from, authenticatedDomain) => {
    // Act
    const signal = buildSignal(mail({ from, authenticatedDomain }), atlas, RUN, 4000);

    // Assess
    expect(signal.trust).toBe('external');
  });

  it.each([
    ['an automatic reply', { isAutoReply: true }, 'automatic reply or out-of-office'],
    ['bulk mail', { isBulk: true }, 'bulk or mailing-list mail'],
    ['a bulk automatic reply', { isAutoReply: true, isBulk: true }, 'automatic reply or out-of-office'],
  ] as const)('settles %s as prefiltered noise', (_name, flags, reason) => {
    // Prepare
    const message = mail(flags);

    // Act
    const signal = buildSignal(message, atlas, RUN, 4000);

    // Assess
    expect(signal.prefiltered).toEqual({ category: 'noise', reason });
  });

  it('bounds the mail body with the truncation marker', () => {
    // Prepare
    const message = mail({ bodyText: 'y'.repeat(250) });

    // Act
    const signal = buildSignal(message, atlas, RUN, 200);

    // Assess
    expect(signal.text).toBe(`${'y'.repeat(200)}\n[truncated: 50 more characters]`);
  });
});
