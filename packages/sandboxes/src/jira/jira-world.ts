import type { Scenario, ScenarioIssue, ScenarioJiraEvent } from '@agentic-pm/scenario';
import { adfPlainText, plainToAdf } from './adf';
import {
  AUTOMATION_USER_NAME, projectKeyOf, userNamed,
  type HistoryItem, type IssueFields, type SandboxIssue, type SandboxUser,
} from './jira-model';

/**
 * Something the agent did through the API, replayed on top of the scenario at its own time.
 * `detail` is a one-line description for the write log.
 */
export type AgentWrite = { atMs: number; issueKey: string; author: SandboxUser; detail: string } & (
  | { kind: 'comment'; commentId: string; body: unknown; properties: Array<{ key: string; value: unknown }> }
  | { kind: 'transition' | 'field'; historyId: string; fields: Partial<IssueFields> }
);

const DAY_MS = 86_400_000;
const FIRST_ISSUE_ID = 10_001;
const FIRST_WRITE_ID = 900_001;

interface TimedEvent {
  event: ScenarioJiraEvent;
  seq: number;
  atMs: number;
  /** Id of the issue a `create` event makes, fixed up front so ids do not depend on the clock. */
  createdId?: string;
}

const descriptionAdf = (text: string): unknown => (text === '' ? null : plainToAdf(text));

/** Changelog item strings as Jira writes them (labels space-separated, people by display name). */
const itemFor = (field: keyof IssueFields, before: IssueFields, after: IssueFields): HistoryItem | null => {
  const show = (fields: IssueFields): { id: string | null; text: string | null } => {
    switch (field) {
      case 'assignee':
        return { id: fields.assignee?.accountId ?? null, text: fields.assignee?.displayName ?? null };
      case 'labels':
        return { id: null, text: fields.labels.length ? fields.labels.join(' ') : null };
      case 'description':
        return { id: null, text: fields.description ? adfPlainText(fields.description) : null };
      case 'dueDate':
        return { id: fields.dueDate, text: fields.dueDate };
      default:
        return { id: null, text: fields[field] };
    }
  };
  const from = show(before);
  const to = show(after);
  if (from.text === to.text && from.id === to.id) return null;
  return { field: field === 'dueDate' ? 'duedate' : field, from: from.id, fromString: from.text, to: to.id, toString: to.text };
};

const FIELD_ORDER: ReadonlyArray<keyof IssueFields> = ['summary', 'status', 'priority', 'assignee', 'dueDate', 'labels', 'description'];

/** Sets fields and records one history entry for what really changed. */
export const applyFields = (issue: SandboxIssue, fields: Partial<IssueFields>, author: SandboxUser, atMs: number, historyId: string): void => {
  const before: IssueFields = { ...issue, labels: [...issue.labels] };
  Object.assign(issue, fields);
  const items = FIELD_ORDER.map((field) => itemFor(field, before, issue)).filter((i): i is HistoryItem => i !== null);
  if (items.length === 0) return;
  issue.histories.push({ id: historyId, author, atMs, items });
  issue.updatedMs = Math.max(issue.updatedMs, atMs);
};

const scenarioFields = (set: ScenarioJiraEvent['set']): Partial<IssueFields> => {
  const fields: Partial<IssueFields> = {};
  if (set.summary !== undefined) fields.summary = set.summary;
  if (set.status !== undefined) fields.status = set.status;
  if (set.priority !== undefined) fields.priority = set.priority;
  if (set.assignee !== undefined) fields.assignee = set.assignee === null ? null : userNamed(set.assignee);
  if (set.dueDate !== undefined) fields.dueDate = set.dueDate;
  if (set.labels !== undefined) fields.labels = [...set.labels];
  if (set.description !== undefined) fields.description = descriptionAdf(set.description);
  return fields;
};

/**
 * The whole Jira state is a pure function of (scenario, clock, agent writes): it is rebuilt on every
 * request, so moving the clock (even backwards) or repeating a request always gives the same answer.
 */
export class JiraWorld {
  readonly #baseline: ReadonlyArray<{ issue: ScenarioIssue; id: string }>;
  readonly #events: readonly TimedEvent[];
  readonly #baselineMs: number;
  readonly #writes: AgentWrite[] = [];
  #nextWriteId = FIRST_WRITE_ID;
  readonly users: ReadonlyMap<string, SandboxUser>;

  constructor(scenario: Scenario) {
    this.#baselineMs = Date.parse(scenario.start) - DAY_MS;
    this.#baseline = scenario.jira.issues.map((issue, i) => ({ issue, id: String(FIRST_ISSUE_ID + i) }));
    let nextId = FIRST_ISSUE_ID + this.#baseline.length;
    this.#events = scenario.jira.events
      .map((event, seq) => ({ event, seq, atMs: Date.parse(event.at) }))
      .sort((a, b) => a.atMs - b.atMs || a.seq - b.seq)
      .map((timed) => (timed.event.create ? { ...timed, createdId: String(nextId++) } : timed));
    const names = [
      ...scenario.jira.issues.map((i) => i.assignee),
      ...scenario.jira.events.flatMap((e) => [e.by, e.comment?.author, e.set.assignee]),
    ].filter((n): n is string => typeof n === 'string');
    this.users = new Map(names.map((name) => { const user = userNamed(name); return [user.accountId, user]; }));
  }

  allocateId(): string {
    return String(this.#nextWriteId++);
  }

  record(write: AgentWrite): void {
    this.#writes.push(write);
  }

  get writes(): readonly AgentWrite[] {
    return this.#writes;
  }

  /** Every issue visible at `nowMs`, by key. */
  issuesAt(nowMs: number): Map<string, SandboxIssue> {
    const issues = new Map<string, SandboxIssue>();
    const automation = userNamed(AUTOMATION_USER_NAME);
    for (const { issue, id } of this.#baseline) {
      issues.set(issue.key, {
        id, key: issue.key, projectKey: projectKeyOf(issue.key),
        summary: issue.summary, status: issue.status, priority: issue.priority,
        assignee: issue.assignee === null ? null : userNamed(issue.assignee),
        dueDate: issue.dueDate, labels: [...issue.labels], description: descriptionAdf(issue.description),
        creator: automation, createdMs: this.#baselineMs, updatedMs: this.#baselineMs, histories: [], comments: [],
      });
    }
    // Scenario events up to now, then the agent's writes, merged in time order (events first on a tie).
    const steps = [
      ...this.#events.filter((e) => e.atMs <= nowMs).map((e) => ({ atMs: e.atMs, apply: () => this.#applyEvent(issues, e) })),
      ...this.#writes.map((w) => ({ atMs: w.atMs, apply: () => applyWrite(issues, w) })),
    ];
    steps.sort((a, b) => a.atMs - b.atMs);
    for (const step of steps) step.apply();
    return issues;
  }

  #applyEvent(issues: Map<string, SandboxIssue>, { event, seq, atMs, createdId }: TimedEvent): void {
    const author = userNamed(event.by ?? event.comment?.author ?? AUTOMATION_USER_NAME);
    let issue = issues.get(event.issue);
    if (event.create && createdId !== undefined) {
      const fields = scenarioFields(event.set);
      issue = {
        id: createdId, key: event.issue, projectKey: projectKeyOf(event.issue),
        summary: fields.summary ?? event.issue, status: fields.status ?? 'To Do', priority: fields.priority === undefined ? 'Medium' : fields.priority,
        assignee: fields.assignee ?? null, dueDate: fields.dueDate ?? null, labels: fields.labels ?? [], description: fields.description ?? null,
        creator: author, createdMs: atMs, updatedMs: atMs, histories: [], comments: [],
      };
      issues.set(event.issue, issue);
    } else if (issue) {
      applyFields(issue, scenarioFields(event.set), author, atMs, String(100_000 + seq));
    } else {
      return; // parseScenario rejects events on unknown issues; nothing to apply to.
    }
    if (event.comment) {
      issue.comments.push({ id: String(200_000 + seq), author: userNamed(event.comment.author), body: plainToAdf(event.comment.body), atMs, properties: [] });
      issue.updatedMs = Math.max(issue.updatedMs, atMs);
    }
  }
}

const applyWrite = (issues: Map<string, SandboxIssue>, write: AgentWrite): void => {
  const issue = issues.get(write.issueKey);
  // A write is only accepted for a visible issue; if the clock was moved back before it, it waits.
  if (!issue) return;
  if (write.kind === 'comment') {
    issue.comments.push({ id: write.commentId, author: write.author, body: write.body, atMs: write.atMs, properties: write.properties });
    issue.updatedMs = Math.max(issue.updatedMs, write.atMs);
  } else {
    applyFields(issue, write.fields, write.author, write.atMs, write.historyId);
  }
};
