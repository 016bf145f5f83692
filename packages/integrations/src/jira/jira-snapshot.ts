import type { JiraComment, JiraIssueSnapshot } from './types';
import { adfToText } from './adf';
import { jiraTimestampToIso } from './jira-time';
import type { WireComment, WireIssue, WireUser } from './jira-wire';

/** How a person is shown: display name, else email, else account id (privacy settings can hide some). */
export const personName = (user: WireUser): string | null =>
  user?.displayName ?? user?.emailAddress ?? user?.accountId ?? null;

export const toSnapshot = (issue: WireIssue): JiraIssueSnapshot => {
  const f = issue.fields;
  return {
    id: issue.id,
    key: issue.key,
    summary: f.summary ?? '',
    status: f.status?.name ?? '',
    priority: f.priority?.name ?? null,
    assignee: personName(f.assignee),
    dueDate: f.duedate ?? null,
    labels: f.labels ?? [],
    description: adfToText(f.description),
    created: jiraTimestampToIso(f.created),
    updated: jiraTimestampToIso(f.updated),
  };
};

export const toComment = (comment: WireComment): JiraComment => ({
  id: comment.id,
  author: personName(comment.author) ?? 'unknown',
  body: adfToText(comment.body),
  created: jiraTimestampToIso(comment.created),
});
