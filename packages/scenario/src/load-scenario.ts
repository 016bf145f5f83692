import { readFile } from 'node:fs/promises';
import { parseWith, ValidationError } from '@agentic-pm/domain';
import { scenarioSchema, type Scenario } from './schema';

type Issue = { path: string; message: string };

const projectKeyOf = (issueKey: string): string => issueKey.slice(0, issueKey.lastIndexOf('-'));

/** Cross-field rules zod cannot express: unique ids, known projects, events on issues that exist. */
const checkReferences = (scenario: Scenario): Issue[] => {
  const issues: Issue[] = [];
  const seen = (values: string[], path: (i: number) => string, what: string): void => {
    const first = new Map<string, number>();
    values.forEach((value, i) => {
      const earlier = first.get(value);
      if (earlier === undefined) first.set(value, i);
      else issues.push({ path: path(i), message: `duplicate ${what} "${value}" (first at index ${earlier})` });
    });
  };
  seen(scenario.projects.map((p) => p.id), (i) => `$.projects[${i}].id`, 'project id');
  seen(scenario.projects.map((p) => p.jiraProjectKey), (i) => `$.projects[${i}].jiraProjectKey`, 'Jira project key');
  seen(scenario.projects.map((p) => p.mailbox), (i) => `$.projects[${i}].mailbox`, 'mailbox');
  seen(scenario.jira.issues.map((i) => i.key), (i) => `$.jira.issues[${i}].key`, 'issue key');

  const keys = new Set(scenario.projects.map((p) => p.jiraProjectKey));
  const known = new Set<string>();
  scenario.jira.issues.forEach((issue, i) => {
    if (!keys.has(projectKeyOf(issue.key))) {
      issues.push({ path: `$.jira.issues[${i}].key`, message: `unknown project key "${projectKeyOf(issue.key)}"` });
    }
    known.add(issue.key);
  });
  const ordered = scenario.jira.events.map((e, i) => ({ e, i })).sort((a, b) => Date.parse(a.e.at) - Date.parse(b.e.at));
  for (const { e, i } of ordered) {
    const path = `$.jira.events[${i}].issue`;
    if (!keys.has(projectKeyOf(e.issue))) issues.push({ path, message: `unknown project key "${projectKeyOf(e.issue)}"` });
    else if (e.create && known.has(e.issue)) issues.push({ path, message: `issue "${e.issue}" already exists` });
    else if (!e.create && !known.has(e.issue)) issues.push({ path, message: `unknown issue "${e.issue}" (set "create": true to create it)` });
    else if (e.create && !e.set.summary) issues.push({ path: `$.jira.events[${i}].set.summary`, message: 'required when "create" is true' });
    if (!e.create && Object.keys(e.set).length === 0 && !e.comment) {
      issues.push({ path: `$.jira.events[${i}]`, message: 'an event must set a field or add a comment' });
    }
    known.add(e.issue);
  }
  const mailboxes = new Set(scenario.projects.map((p) => p.mailbox));
  scenario.mail.messages.forEach((m, i) => {
    if (!mailboxes.has(m.mailbox)) issues.push({ path: `$.mail.messages[${i}].mailbox`, message: `no project reads mailbox "${m.mailbox}"` });
  });
  return issues;
};

/** Validates a parsed scenario; throws a ValidationError naming `source`, the JSON path and the problem. */
export const parseScenario = (value: unknown, source: string): Scenario => {
  const scenario = parseWith(scenarioSchema, value, source);
  const problems = checkReferences(scenario);
  if (problems.length > 0) throw new ValidationError(source, problems);
  return scenario;
};

export const loadScenario = async (file: string): Promise<Scenario> => {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ValidationError(file, [{ path: '$', message: `cannot read file: ${(error as Error).message}` }]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ValidationError(file, [{ path: '$', message: `not valid JSON: ${(error as Error).message}` }]);
  }
  return parseScenario(json, file);
};
