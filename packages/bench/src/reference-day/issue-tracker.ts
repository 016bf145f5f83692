import type { ScenarioIssue } from '@agentic-pm/scenario';
import type { Prng } from '../random/prng';
import type { Person, ProjectCast } from './cast';

export type Status = 'To Do' | 'In Progress' | 'In Review' | 'Blocked' | 'Done';

export interface TrackedIssue {
  key: string;
  project: ProjectCast;
  summary: string;
  status: Status;
  priority: string;
  assignee: Person | null;
  dueDate: string | null;
}

/** The usual way forward; Blocked goes back to work when unblocked. */
const NEXT_STATUS: Readonly<Record<Status, Status | null>> = {
  'To Do': 'In Progress',
  'In Progress': 'In Review',
  'In Review': 'Done',
  Blocked: 'In Progress',
  Done: null,
};

export const PRIORITIES = ['Highest', 'High', 'Medium', 'Low'] as const;

const DAY_MS = 86_400_000;
export const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/**
 * The Jira side of the generator's world: every issue's current state, so each generated event
 * is consistent with what came before (no transition from a status the issue is not in, no
 * comment on an issue that does not exist yet).
 */
export class IssueTracker {
  readonly #issues = new Map<string, TrackedIssue>();
  readonly #next = new Map<string, number>();

  constructor(
    private readonly rng: Prng,
    projects: readonly ProjectCast[],
    startMs: number,
  ) {
    for (const project of projects) {
      project.backlog.forEach((summary, i) => {
        const status = rng.weighted<Status>([['To Do', 4], ['In Progress', 4], ['In Review', 1.5], ['Done', 2], ['Blocked', 0.3]]);
        this.#add({
          key: `${project.config.jiraProjectKey}-${i + 1}`,
          project,
          summary,
          status,
          priority: rng.weighted([['Highest', 0.5], ['High', 2], ['Medium', 4], ['Low', 1.5]]),
          assignee: status === 'To Do' && rng.chance(0.4) ? null : rng.pick(project.team),
          dueDate: rng.chance(0.8) ? isoDate(startMs + rng.int(-3, 28) * DAY_MS) : null,
        });
      });
      this.#next.set(project.config.jiraProjectKey, project.backlog.length + 1);
    }
  }

  #add(issue: TrackedIssue): void {
    this.#issues.set(issue.key, issue);
  }

  /** The starting state, as the scenario declares it. */
  initialIssues(): ScenarioIssue[] {
    return [...this.#issues.values()].map((i) => ({
      key: i.key,
      summary: i.summary,
      status: i.status,
      priority: i.priority,
      assignee: i.assignee?.name ?? null,
      dueDate: i.dueDate,
      labels: [],
      description: `${i.summary}. Owner: ${i.assignee?.name ?? 'unassigned'}.`,
    }));
  }

  /** A random issue of the project that matches, or undefined when none does. */
  pick(project: ProjectCast, where: (issue: TrackedIssue) => boolean = () => true): TrackedIssue | undefined {
    const matching = [...this.#issues.values()].filter((i) => i.project === project && where(i));
    return matching.length === 0 ? undefined : this.rng.pick(matching);
  }

  /** An issue that can move forward, and the status it moves to. */
  pickTransition(project: ProjectCast): { issue: TrackedIssue; to: Status } | undefined {
    const issue = this.pick(project, (i) => NEXT_STATUS[i.status] !== null);
    const to = issue === undefined ? null : NEXT_STATUS[issue.status];
    return issue === undefined || to === null ? undefined : { issue, to };
  }

  /** Reserves the next key of the project for a new issue. */
  create(project: ProjectCast, fields: Omit<TrackedIssue, 'key' | 'project'>): TrackedIssue {
    const prefix = project.config.jiraProjectKey;
    const n = this.#next.get(prefix) ?? 1;
    this.#next.set(prefix, n + 1);
    const issue: TrackedIssue = { key: `${prefix}-${n}`, project, ...fields };
    this.#add(issue);
    return issue;
  }
}
