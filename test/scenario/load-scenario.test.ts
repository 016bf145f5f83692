import { describe, expect, it } from 'vitest';
import { ValidationError } from '@agentic-pm/domain';
import { parseScenario, type ScenarioInput } from '@agentic-pm/scenario';

const base = (): ScenarioInput => ({
  name: 'unit',
  start: '2026-03-02T08:00:00Z',
  projects: [
    { id: 'atlas', name: 'Atlas', jiraProjectKey: 'ATL', mailbox: 'pm@acme.test', owner: 'lead@acme.test', autonomyLevel: 'act', allowedEmailDomains: ['acme.test'] },
  ],
  jira: {
    issues: [{ key: 'ATL-1', summary: 'Cutover', status: 'In Progress' }],
    events: [{ at: '2026-03-02T08:05:00Z', issue: 'ATL-1', set: { status: 'Blocked' } }],
  },
  mail: { messages: [] },
});

const problemsOf = (value: unknown): Array<{ path: string; message: string }> => {
  try {
    parseScenario(value, 'scenario.json');
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return [...(error as ValidationError).issues];
  }
  throw new Error('expected a ValidationError');
};

describe('parseScenario', () => {
  it('accepts a valid scenario and fills defaults', () => {
    // Act
    const scenario = parseScenario(base(), 'scenario.json');

    // Assess
    expect(scenario.cycleMinutes).toBe(15);
    expect(scenario.projects[0]?.allowedTransitions).toContain('Done');
    expect(scenario.jira.events[0]?.create).toBe(false);
  });

  it.each([
    ['a missing field', (s: any) => delete s.projects[0].owner, '$.projects[0].owner'],
    ['a wrong type', (s: any) => (s.cycleMinutes = 'fifteen'), '$.cycleMinutes'],
    ['a duplicate id', (s: any) => s.projects.push({ ...s.projects[0], jiraProjectKey: 'ZZ', mailbox: 'x@acme.test' }), '$.projects[1].id'],
    ['an unknown project key', (s: any) => s.jira.events.push({ at: '2026-03-02T09:00:00Z', issue: 'NOPE-1', create: true, set: { summary: 'x' } }), '$.jira.events[1].issue'],
    ['a bad date', (s: any) => (s.jira.events[0].at = '2026-13-45 8am'), '$.jira.events[0].at'],
    ['an event on an unknown issue', (s: any) => (s.jira.events[0].issue = 'ATL-99'), '$.jira.events[0].issue'],
    ['mail to a mailbox no project reads', (s: any) => s.mail.messages.push({ at: '2026-03-02T08:00:00Z', mailbox: 'other@acme.test', from: 'a@b.test', to: ['other@acme.test'], subject: 's', body: 'b' }), '$.mail.messages[0].mailbox'],
  ])('rejects %s, naming the JSON path', (_name, mutate, path) => {
    // Prepare
    const scenario = structuredClone(base());
    mutate(scenario);

    // Act
    const problems = problemsOf(scenario);

    // Assess
    expect(problems.map((p) => p.path)).toContain(path);
  });

  it('names the file in the error message', () => {
    // Act & Assess
    expect(() => parseScenario({}, 'my-scenario.json')).toThrow(/my-scenario\.json: \$\.name/);
  });
});
