import { excerpt, IntegrationError } from '@agentic-pm/domain';
import type { JiraHttp } from './jira-http';
import { issuePath } from './jira-http';
import { parseJiraTimestamp } from './jira-time';
import { changelogPageSchema, commentPageSchema, type WireComment, type WireHistory, type WireIssue } from './jira-wire';

/**
 * Search embeds at most 40 changelog histories and a bounded list of comments per issue. When an
 * issue has more, read the newest ones from the issue's own endpoints, back to `sinceMs`.
 */

const PAGE_SIZE = 100;
/**
 * Pages read per issue and endpoint before giving up: 10,000 histories or comments since the last
 * poll is far past any real issue, and a server that ignores `startAt` or reports a wild `total`
 * must end in an error, not in an endless loop of requests.
 */
export const MAX_PAGES_PER_ISSUE = 100;

/** Counts the pages one walk reads, and fails once it reads more than any real issue needs. */
const pageBudget = (what: string): (() => void) => {
  let pages = 0;
  return () => {
    pages += 1;
    if (pages > MAX_PAGES_PER_ISSUE) throw new IntegrationError(`${what} did not end within ${MAX_PAGES_PER_ISSUE} pages of ${PAGE_SIZE}`);
  };
};

/** Histories in [startAt, endAt) in ascending order (the changelog endpoint's order). */
const changelogRange = async (http: JiraHttp, issueId: string, startAt: number, endAt: number, countPage: () => void): Promise<WireHistory[]> => {
  const out: WireHistory[] = [];
  let at = startAt;
  while (at < endAt) {
    countPage();
    const page = await http.read(changelogPageSchema, 'GET', issuePath(issueId, '/changelog'), {
      query: { startAt: at, maxResults: Math.min(PAGE_SIZE, endAt - at) },
    });
    out.push(...page.values);
    at += page.values.length;
    if (page.values.length === 0 || page.isLast === true) break;
  }
  return out;
};

export const historiesSince = async (http: JiraHttp, issue: WireIssue, sinceMs: number): Promise<WireHistory[]> => {
  const embedded = issue.changelog;
  if (!embedded) return [];
  const total = embedded.total ?? embedded.histories.length;
  if (total <= embedded.histories.length) return embedded.histories;

  // Walk back from the newest page until a page starts before `sinceMs`. The first range is open-ended
  // so histories added since the search are not missed.
  const countPage = pageBudget(`Jira changelog of issue ${excerpt(issue.key, 30)}`);
  let collected: WireHistory[] = [];
  let endAt = Number.POSITIVE_INFINITY;
  let startAt = Math.max(0, total - PAGE_SIZE);
  for (;;) {
    const chunk = await changelogRange(http, issue.id, startAt, endAt, countPage);
    collected = [...chunk, ...collected];
    const oldest = chunk[0];
    if (startAt === 0 || !oldest || parseJiraTimestamp(oldest.created) < sinceMs) return collected;
    endAt = startAt;
    startAt = Math.max(0, startAt - PAGE_SIZE);
  }
};

export const commentsSince = async (http: JiraHttp, issue: WireIssue, sinceMs: number): Promise<WireComment[]> => {
  const embedded = issue.fields.comment;
  if (!embedded) return [];
  const total = embedded.total ?? embedded.comments.length;
  if (total <= embedded.comments.length) return embedded.comments;

  const byId = new Map(embedded.comments.map((c) => [c.id, c]));
  const countPage = pageBudget(`Jira comments of issue ${excerpt(issue.key, 30)}`);
  for (let startAt = 0; startAt < total; ) {
    countPage();
    const page = await http.read(commentPageSchema, 'GET', issuePath(issue.id, '/comment'), {
      query: { orderBy: '-created', startAt, maxResults: PAGE_SIZE },
    });
    for (const comment of page.comments) byId.set(comment.id, comment);
    const oldest = page.comments.at(-1);
    if (!oldest || parseJiraTimestamp(oldest.created) < sinceMs) break;
    startAt += page.comments.length;
  }
  return [...byId.values()];
};
