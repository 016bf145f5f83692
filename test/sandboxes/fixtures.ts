import { parseScenario, type Scenario, type ScenarioInput } from '@agentic-pm/scenario';

type JiraInput = NonNullable<ScenarioInput['jira']>;
type MailInput = NonNullable<ScenarioInput['mail']>;

export const START = '2026-03-02T08:00:00.000Z';
export const MAILBOX = 'pm@acme.test';

/** ISO time `minutes` (and seconds, ms) after START. */
export const at = (minutes: number, seconds = 0, ms = 0): string =>
  new Date(Date.parse(START) + minutes * 60_000 + seconds * 1000 + ms).toISOString();

export const ms = (iso: string): number => Date.parse(iso);

/** A one-project scenario (ATL, pm@acme.test) with the given Jira and mail content. */
export const scenarioWith = (parts: { issues?: JiraInput['issues']; events?: JiraInput['events']; messages?: MailInput['messages'] }): Scenario =>
  parseScenario(
    {
      name: 'test',
      start: START,
      projects: [
        { id: 'atlas', name: 'Atlas', jiraProjectKey: 'ATL', mailbox: MAILBOX, owner: 'lead@acme.test', autonomyLevel: 'act', allowedEmailDomains: ['acme.test'] },
      ],
      jira: { issues: parts.issues ?? [], events: parts.events ?? [] },
      mail: { messages: parts.messages ?? [] },
    },
    'test scenario',
  );
