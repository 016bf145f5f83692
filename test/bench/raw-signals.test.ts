import { describe, expect, it } from 'vitest';
import { parseScenario } from '@agentic-pm/scenario';
import { rawSignals } from '../../packages/bench/src/index';

describe('what the naive design sees of a signal', () => {
  it('keeps the whole mail body, quoted history included, and says what changed in Jira', () => {
    // Prepare
    const scenario = parseScenario(
      {
        name: 'raw',
        start: '2026-03-02T09:00:00Z',
        projects: [{ id: 'atlas', name: 'Atlas', jiraProjectKey: 'ATL', mailbox: 'pm@acme.test', owner: 'lead@acme.test', autonomyLevel: 'act', allowedEmailDomains: ['acme.test'] }],
        jira: {
          issues: [{ key: 'ATL-1', summary: 'Set up SSO', status: 'In Progress' }],
          events: [{ at: '2026-03-02T09:03:00Z', issue: 'ATL-1', set: { status: 'Blocked' }, comment: { author: 'Priya Shah', body: 'Blocked on the certificate.' } }],
        },
        mail: {
          messages: [
            { at: '2026-03-02T09:02:00Z', mailbox: 'pm@acme.test', from: 'kim@vendor.example', fromName: 'Kim', to: ['pm@acme.test'], subject: 'RE: fix', body: 'New date is Friday.\n\nOn Monday, Tom wrote:\n> When is the fix due?' },
            { at: '2026-03-02T09:04:00Z', mailbox: 'pm@acme.test', from: 'news@weekly.example', to: ['pm@acme.test'], subject: 'News', body: '<h1>Weekly</h1><p>Read <b>more</b></p>', html: true },
            { at: '2026-03-02T09:20:00Z', mailbox: 'pm@acme.test', from: 'tom@acme.test', to: ['pm@acme.test'], subject: 'Later', body: 'After the cut-off.' },
          ],
        },
      },
      'raw signals test',
    );

    // Act
    const signals = rawSignals(scenario, '2026-03-02T09:15:00Z');

    // Assess
    expect(signals.map((s) => [s.source, s.trust, s.title])).toEqual([
      ['outlook', 'external', 'RE: fix'],
      ['jira', 'internal', 'ATL-1: Set up SSO'],
      ['outlook', 'external', 'News'],
    ]);
    expect(signals[0]?.text).toContain('> When is the fix due?');
    expect(signals[0]?.from).toBe('Kim <kim@vendor.example>');
    expect(signals[1]?.text).toBe('Priya Shah changed status from "In Progress" to "Blocked".\nPriya Shah commented: Blocked on the certificate.');
    expect(signals[2]?.text).not.toContain('<');
  });
});
