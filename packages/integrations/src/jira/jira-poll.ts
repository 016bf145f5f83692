import type { JiraChange, JiraIssueSnapshot, JiraPollResult } from './types';
import { groupChanges } from './group-changes';
import { commentsSince, historiesSince } from './jira-history';
import type { JiraHttp } from './jira-http';
import { toSnapshot } from './jira-snapshot';
import { POLL_FIELDS, pollJql, searchAll } from './jira-search';
import type { WireIssue } from './jira-wire';

/** Search is eventually consistent and an issue updated mid-paging can appear twice: keep its newest copy. */
const newestById = (issues: WireIssue[]): Array<{ wire: WireIssue; snapshot: JiraIssueSnapshot }> => {
  const byId = new Map<string, { wire: WireIssue; snapshot: JiraIssueSnapshot }>();
  for (const wire of issues) {
    const snapshot = toSnapshot(wire);
    const seen = byId.get(wire.id);
    if (!seen || Date.parse(snapshot.updated) >= Date.parse(seen.snapshot.updated)) byId.set(wire.id, { wire, snapshot });
  }
  return [...byId.values()];
};

export const pollChanges = async (
  http: JiraHttp,
  agentAccountId: () => Promise<string>,
  projectKey: string,
  sinceMs: number,
): Promise<JiraPollResult> => {
  const jql = pollJql(projectKey, sinceMs);
  const [found, agent] = await Promise.all([searchAll(http, jql, POLL_FIELDS), agentAccountId()]);
  const issues = newestById(found);

  const changes: JiraChange[] = [];
  for (const { wire, snapshot } of issues) {
    // Sequential on purpose: only truncated issues cost extra calls, and Jira rate-limits bursts.
    const histories = await historiesSince(http, wire, sinceMs);
    const comments = await commentsSince(http, wire, sinceMs);
    changes.push(...groupChanges({ snapshot, creator: wire.fields.creator ?? wire.fields.reporter, histories, comments }, sinceMs, agent));
  }
  changes.sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt) || a.dedupeKey.localeCompare(b.dedupeKey));

  const maxUpdatedMs = issues.reduce<number | null>((max, { snapshot }) => Math.max(max ?? 0, Date.parse(snapshot.updated)), null);
  return { changes, issues: issues.map(({ snapshot }) => snapshot), maxUpdatedMs };
};
