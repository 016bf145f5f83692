import { excerpt, IntegrationError } from '@agentic-pm/domain';
import type { JiraHttp } from './jira-http';
import { searchPageSchema, type WireIssue } from './jira-wire';

/** The fields a poll needs; search returns only ids and keys unless fields are named. */
export const POLL_FIELDS = [
  'summary', 'status', 'priority', 'assignee', 'creator', 'reporter',
  'duedate', 'labels', 'description', 'created', 'updated', 'comment',
] as const;

const PROJECT_KEY = /^[A-Z][A-Z0-9_]{0,254}$/;
const PAGE_SIZE = 100;
const MAX_PAGES = 1_000;

/**
 * Epoch milliseconds, never a bare datetime: Jira reads `"2026/03/02 08:05"` in the searching
 * account's time zone and to the minute.
 */
export const pollJql = (projectKey: string, sinceMs: number): string => {
  if (!PROJECT_KEY.test(projectKey)) throw new IntegrationError(`"${projectKey}" is not a Jira project key (e.g. ATL)`);
  if (!Number.isFinite(sinceMs) || sinceMs < 0) throw new IntegrationError(`poll start must be epoch milliseconds, got ${sinceMs}`);
  return `project = "${projectKey}" AND updated >= ${Math.floor(sinceMs)} ORDER BY updated ASC`;
};

/** All issues matching `jql`, following `nextPageToken` (the only paging /search/jql offers). */
export const searchAll = async (http: JiraHttp, jql: string, fields: readonly string[]): Promise<WireIssue[]> => {
  const issues: WireIssue[] = [];
  const seenTokens = new Set<string>();
  let nextPageToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const body = { jql, fields, expand: 'changelog', maxResults: PAGE_SIZE, ...(nextPageToken ? { nextPageToken } : {}) };
    // POST because the JQL and field list can be long; it only reads, so it is safe to resend.
    const result = await http.read(searchPageSchema, 'POST', '/rest/api/3/search/jql', { body, idempotent: true });
    issues.push(...result.issues);
    if (!result.nextPageToken) return issues;
    if (seenTokens.has(result.nextPageToken)) throw new IntegrationError(`Jira search returned the page token ${excerpt(result.nextPageToken)} twice`);
    seenTokens.add(result.nextPageToken);
    nextPageToken = result.nextPageToken;
  }
  throw new IntegrationError(`Jira search did not finish within ${MAX_PAGES} pages of ${PAGE_SIZE}: ${jql}`);
};
