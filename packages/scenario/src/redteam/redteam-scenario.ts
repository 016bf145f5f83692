import { readFile } from 'node:fs/promises';
import { parseWith, ValidationError, type ActionPayload } from '@agentic-pm/domain';
import { parseScenario } from '../load-scenario';
import type { Scenario, ScenarioInput } from '../schema';
import { attackCorpusSchema, type AttackCase, type AttackCategory, type AttackCorpus } from './attack-corpus-schema';

/** One attack as it runs: where it lands and what the attacker asked for, in machine form. */
export interface Attack {
  caseId: string;
  category: AttackCategory;
  projectId: string;
  channel: AttackCase['channel'];
  /** Identifies the case's signal: the mail subject or the Jira issue summary. */
  title: string;
  /** The Jira issue the case writes on, for Jira cases. */
  issueKey?: string;
  instruction: string;
  actions: ActionPayload[];
}

export interface Canary {
  project: string;
  text: string;
}

export interface RedteamScenario {
  scenario: Scenario;
  attacks: Attack[];
  canaries: Canary[];
  /** Enough cycles for every case to arrive and be handled. */
  cyclesNeeded: number;
}

/** First issue number of the issues the cases write on, clear of a corpus's own issues. */
const FIRST_CASE_ISSUE = 200;

const resolve = (payload: ActionPayload, issueKey: string | undefined): ActionPayload =>
  JSON.parse(JSON.stringify(payload).replaceAll('{issue}', issueKey ?? '{issue}')) as ActionPayload;

const checkCorpus = (corpus: AttackCorpus, source: string): void => {
  const problems: Array<{ path: string; message: string }> = [];
  const projects = new Set(corpus.projects.map((p) => p.id));
  const ids = new Set<string>();
  const titles = new Set<string>();
  corpus.cases.forEach((c, i) => {
    if (!projects.has(c.project)) problems.push({ path: `$.cases[${i}].project`, message: `unknown project "${c.project}"` });
    if (ids.has(c.id)) problems.push({ path: `$.cases[${i}].id`, message: `duplicate case id "${c.id}"` });
    if ([...titles].some((t) => t.includes(c.title.toLowerCase()) || c.title.toLowerCase().includes(t))) {
      problems.push({ path: `$.cases[${i}].title`, message: 'must not contain or be contained in another case title' });
    }
    if (c.channel === 'mail' && JSON.stringify(c.goal.actions).includes('{issue}')) problems.push({ path: `$.cases[${i}].goal.actions`, message: '"{issue}" is for Jira cases only' });
    ids.add(c.id);
    titles.add(c.title.toLowerCase());
  });
  // Attempts are matched to the corpus by payload, so every declared action must be unique.
  const payloads = new Map<string, string>();
  corpus.cases.forEach((c, i) => c.goal.actions.forEach((a, j) => {
    const key = `${JSON.stringify(a).includes('{issue}') ? c.id : ''}|${JSON.stringify(a)}`;
    const earlier = payloads.get(key);
    if (earlier !== undefined) problems.push({ path: `$.cases[${i}].goal.actions[${j}]`, message: `the same action as ${earlier}` });
    else payloads.set(key, `$.cases[${i}].goal.actions[${j}]`);
  }));
  corpus.canaries.forEach((c, i) => {
    if (!projects.has(c.project)) problems.push({ path: `$.canaries[${i}].project`, message: `unknown project "${c.project}"` });
  });
  if (problems.length > 0) throw new ValidationError(source, problems);
};

/** Spreads the cases over cycles as mail and Jira events, and keeps each case's goal beside it. */
export const corpusToScenario = (value: unknown, source: string): RedteamScenario => {
  const corpus = parseWith(attackCorpusSchema, value, source);
  checkCorpus(corpus, source);
  const byId = new Map(corpus.projects.map((p) => [p.id, p]));
  const startMs = Date.parse(corpus.start);
  const issues: NonNullable<NonNullable<ScenarioInput['jira']>['issues']> = [...corpus.jira.issues];
  const events: NonNullable<NonNullable<ScenarioInput['jira']>['events']> = [...corpus.jira.events];
  const messages: NonNullable<NonNullable<ScenarioInput['mail']>['messages']> = [];
  const attacks: Attack[] = corpus.cases.map((c, i) => {
    const project = byId.get(c.project)!;
    const cycle = Math.floor(i / corpus.casesPerCycle);
    // Inside the cycle's window, a few seconds apart, so each cycle polls its own batch.
    const at = new Date(startMs + cycle * corpus.cycleMinutes * 60_000 + 60_000 + (i % corpus.casesPerCycle) * 15_000).toISOString();
    const issueKey = c.channel === 'mail' ? undefined : `${project.jiraProjectKey}-${FIRST_CASE_ISSUE + i}`;
    const body = issueKey === undefined ? c.body : c.body.replaceAll('{issue}', issueKey);
    if (issueKey === undefined) {
      messages.push({
        at, mailbox: project.mailbox, from: c.from!, ...(c.fromName ? { fromName: c.fromName } : {}), to: [project.mailbox],
        subject: c.title, body, html: c.html, headers: c.headers,
      });
    } else {
      if (c.channel === 'jira_comment') {
        issues.push({ key: issueKey, summary: c.title, status: 'To Do', priority: 'Medium', assignee: null, dueDate: null, labels: [], description: '' });
        events.push({ at, issue: issueKey, comment: { author: c.author!, body } });
      } else {
        events.push({ at, issue: issueKey, create: true, by: c.author!, set: { summary: c.title, status: 'To Do', description: body } });
      }
    }
    return {
      caseId: c.id, category: c.category, projectId: c.project, channel: c.channel, title: c.title,
      ...(issueKey ? { issueKey } : {}), instruction: issueKey === undefined ? c.goal.instruction : c.goal.instruction.replaceAll('{issue}', issueKey), actions: c.goal.actions.map((a) => resolve(a, issueKey)),
    };
  });
  const scenario = parseScenario(
    { name: corpus.name, start: corpus.start, cycleMinutes: corpus.cycleMinutes, projects: corpus.projects, jira: { issues, events }, mail: { messages } },
    source,
  );
  // One cycle more than the cases span, so the last batch's held actions come due.
  return { scenario, attacks, canaries: corpus.canaries, cyclesNeeded: Math.ceil(corpus.cases.length / corpus.casesPerCycle) + 1 };
};

/** Reads a red-team corpus file: bad input names the file, the JSON path and the problem. */
export const loadRedteamScenario = async (file: string): Promise<RedteamScenario> => {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new ValidationError(file, [{ path: '$', message: `cannot read a JSON red-team corpus: ${(error as Error).message}` }]);
  }
  return corpusToScenario(json, file);
};
