import { convert } from 'html-to-text';
import type { Scenario } from '@agentic-pm/scenario';

/** A signal as a naive design would see it: the whole text as it arrived, quoted history included. */
export interface RawSignal {
  at: string;
  projectId: string;
  source: 'jira' | 'outlook';
  trust: 'internal' | 'external';
  title: string;
  text: string;
  from?: string;
  issueKey?: string;
}

const domainOf = (address: string): string => address.slice(address.lastIndexOf('@') + 1).toLowerCase();

/**
 * Every Jira event and every message of the scenario up to `until`, oldest first, as one raw
 * signal each (the scenario's rule: one event or message, one signal). Jira text says what
 * changed and what was commented, in the same words as the agent's signals; mail keeps its
 * whole body. HTML becomes text, as no design would send markup to a model.
 */
export const rawSignals = (scenario: Scenario, until: string): RawSignal[] => {
  const untilMs = Date.parse(until);
  const projectByKey = new Map(scenario.projects.map((p) => [p.jiraProjectKey, p]));
  const projectByMailbox = new Map(scenario.projects.map((p) => [p.mailbox, p]));
  const issues = new Map(scenario.jira.issues.map((i) => [i.key, { ...i }]));
  const signals: RawSignal[] = [];

  const events = [...scenario.jira.events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  for (const event of events) {
    if (Date.parse(event.at) > untilMs) break;
    const project = projectByKey.get(event.issue.slice(0, event.issue.lastIndexOf('-')));
    if (project === undefined) continue;
    const before = issues.get(event.issue);
    const after = { ...(before ?? { key: event.issue, summary: '', status: '', priority: null, assignee: null, dueDate: null, labels: [], description: '' }), ...event.set };
    issues.set(event.issue, after);
    const who = event.by ?? event.comment?.author ?? 'Someone';
    const lines: string[] = [];
    if (event.create) lines.push(`${who} created the issue.`, after.description);
    else {
      for (const [field, to] of Object.entries(event.set)) {
        const from = before?.[field as keyof typeof before];
        lines.push(`${who} changed ${field} from "${String(from ?? 'none')}" to "${String(to ?? 'none')}".`);
      }
    }
    if (event.comment) lines.push(`${event.comment.author} commented: ${event.comment.body}`);
    signals.push({
      at: event.at, projectId: project.id, source: 'jira', trust: 'internal', issueKey: event.issue,
      title: `${event.issue}: ${after.summary}`, text: lines.filter(Boolean).join('\n'),
    });
  }

  for (const message of scenario.mail.messages) {
    if (Date.parse(message.at) > untilMs) continue;
    const project = projectByMailbox.get(message.mailbox);
    if (project === undefined) continue;
    const internal = project.allowedEmailDomains.some((d) => d.toLowerCase() === domainOf(message.from));
    signals.push({
      at: message.at, projectId: project.id, source: 'outlook', trust: internal ? 'internal' : 'external',
      from: message.fromName === undefined ? message.from : `${message.fromName} <${message.from}>`,
      title: message.subject,
      text: message.html ? convert(message.body, { wordwrap: false }) : message.body,
    });
  }
  return signals.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
};
