import { keys } from './keys';
import { batchPut } from './batch';
import { queryPrefix, withoutKeys } from './query';
import type { Table } from './table';

/** The last known state of a project's Jira issues, for the deterministic backlog summary. */
export interface JiraIssueRecord {
  key: string;
  summary: string;
  status: string;
  priority: string | null;
  assignee: string | null;
  dueDate: string | null;
  labels: string[];
  updated: string;
}

export const putJiraIssues = async (table: Table, projectId: string, issues: JiraIssueRecord[]): Promise<void> => {
  await batchPut(
    table,
    issues.map((issue) => ({ ...keys.jiraIssue(projectId, issue.key), entity: 'JiraIssue', projectId, ...issue })),
  );
};

export const listJiraIssues = async (table: Table, projectId: string): Promise<JiraIssueRecord[]> =>
  (await queryPrefix<JiraIssueRecord>(table, `PROJECT#${projectId}`, 'JIRAISSUE#')).map((i) => withoutKeys(i) as JiraIssueRecord);
