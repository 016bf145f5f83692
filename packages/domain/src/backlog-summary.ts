import type { BacklogSummary } from './artefact';

export interface BacklogIssue {
  key: string;
  status: string;
  priority: string | null;
  assignee: string | null;
  dueDate: string | null;
  updated: string;
}

const DONE = /^(done|closed|resolved|cancelled)$/i;

/** Computed from Jira state alone, no model: counts, overdue, unassigned, and what changed since last time. */
export const computeBacklogSummary = (issues: BacklogIssue[], previous: BacklogSummary | undefined, now: string): BacklogSummary => {
  const byStatus: Record<string, number> = {};
  const byPriority: Record<string, number> = {};
  const today = now.slice(0, 10);
  for (const issue of issues) {
    byStatus[issue.status] = (byStatus[issue.status] ?? 0) + 1;
    const priority = issue.priority ?? 'None';
    byPriority[priority] = (byPriority[priority] ?? 0) + 1;
  }
  const open = issues.filter((i) => !DONE.test(i.status));
  const since = previous?.asOf;
  return {
    total: issues.length,
    byStatus: Object.fromEntries(Object.entries(byStatus).sort()),
    byPriority: Object.fromEntries(Object.entries(byPriority).sort()),
    overdue: open.filter((i) => i.dueDate !== null && i.dueDate < today).map((i) => i.key).sort(),
    unassigned: open.filter((i) => i.assignee === null).map((i) => i.key).sort(),
    changedSinceLast: since ? issues.filter((i) => Date.parse(i.updated) > Date.parse(since)).map((i) => i.key).sort() : [],
    asOf: now,
  };
};

/** JSON with sorted keys: DynamoDB does not keep the key order of a map. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );

/** Compares summaries ignoring the timestamp, so an unchanged backlog gets no new version. */
export const sameBacklog = (a: BacklogSummary, b: BacklogSummary): boolean => {
  const strip = ({ asOf: _asOf, changedSinceLast: _c, ...rest }: BacklogSummary) => rest;
  return canonical(strip(a)) === canonical(strip(b));
};
