import { createHash } from 'node:crypto';
import type { FieldChange } from '@agentic-pm/domain';
import type { JiraChange, JiraIssueSnapshot } from './types';
import { isAgentMarked } from './agent-marker';
import { parseJiraTimestamp } from './jira-time';
import { personName, toComment } from './jira-snapshot';
import type { WireComment, WireHistory, WireUser } from './jira-wire';

export interface IssueActivity {
  snapshot: JiraIssueSnapshot;
  creator: WireUser;
  histories: WireHistory[];
  comments: WireComment[];
}

interface Group {
  atMs: number;
  authorKey: string;
  actor: string | null;
  created: boolean;
  histories: WireHistory[];
  comments: WireComment[];
  /** Account ids of everyone who contributed; `undefined` when Jira hid it. */
  accounts: Array<string | undefined>;
}

const byId = (a: { id: string }, b: { id: string }): number => a.id.localeCompare(b.id, 'en', { numeric: true });

/** The author part of a dedupe key, which ends up in a table key: a long one is replaced by its hash. */
const authorKeyOf = (user: WireUser): string => {
  const key = user?.accountId ?? user?.displayName ?? '';
  return key.length > 128 ? `sha256:${createHash('sha256').update(key).digest('hex')}` : key;
};

/**
 * Splits an issue's recent activity into changes: everything one author did at one instant (a
 * transition with its comment, or a creation) is one change and becomes one signal.
 * `agentAccountId` is the account this client writes as; its marked comments and its own edits are `byAgent`.
 */
export const groupChanges = (activity: IssueActivity, sinceMs: number, agentAccountId: string): JiraChange[] => {
  const groups = new Map<string, Group>();
  const groupFor = (atMs: number, user: WireUser): Group => {
    const authorKey = authorKeyOf(user);
    const id = `${atMs}|${authorKey}`;
    let group = groups.get(id);
    if (!group) {
      group = { atMs, authorKey, actor: personName(user), created: false, histories: [], comments: [], accounts: [] };
      groups.set(id, group);
    }
    group.accounts.push(user?.accountId);
    return group;
  };

  for (const history of activity.histories) {
    const atMs = parseJiraTimestamp(history.created);
    if (atMs >= sinceMs && history.items.length > 0) groupFor(atMs, history.author).histories.push(history);
  }
  for (const comment of activity.comments) {
    const atMs = parseJiraTimestamp(comment.created);
    if (atMs >= sinceMs) groupFor(atMs, comment.author).comments.push(comment);
  }
  const createdMs = Date.parse(activity.snapshot.created);
  if (createdMs >= sinceMs) {
    // Without a known creator, the creation joins whatever else happened at that instant.
    const sameInstant = activity.creator ? undefined : [...groups.values()].find((g) => g.atMs === createdMs);
    const group = sameInstant ?? groupFor(createdMs, activity.creator);
    group.created = true;
  }

  const authorsAt = new Map<number, number>();
  for (const group of groups.values()) authorsAt.set(group.atMs, (authorsAt.get(group.atMs) ?? 0) + 1);

  const issueId = activity.snapshot.id;
  return [...groups.values()]
    .map((group): JiraChange => {
      // Everything in a group shares one instant, so id order is creation order.
      const histories = [...group.histories].sort(byId);
      const comments = [...group.comments].sort(byId).map(toComment);
      const changes: FieldChange[] = histories.flatMap((h) => h.items.map((item) => ({ field: item.field, from: item.fromString, to: item.toString })));
      // The key is per instant; two authors at the very same millisecond also need the author to stay distinct.
      const dedupeKey = (authorsAt.get(group.atMs) ?? 0) > 1 ? `${issueId}:${group.atMs}:${group.authorKey}` : `${issueId}:${group.atMs}`;
      const byAgent =
        group.accounts.length > 0 &&
        group.accounts.every((account) => account === agentAccountId) &&
        comments.every((comment) => isAgentMarked(comment.body));
      return {
        issue: activity.snapshot,
        dedupeKey,
        occurredAt: new Date(group.atMs).toISOString(),
        actor: group.actor,
        created: group.created,
        changes,
        comments,
        byAgent,
      };
    })
    .sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt) || a.dedupeKey.localeCompare(b.dedupeKey));
};
