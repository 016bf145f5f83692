import { createHash } from 'node:crypto';
import type { Scenario } from '@agentic-pm/scenario';
import type { SandboxResponse } from '../http/loopback-server';
import { adfPlainText, isAdfDoc } from './adf';
import { parseFieldEdits } from './field-edits';
import { AGENT_USER, type IssueFields, type SandboxIssue } from './jira-model';
import { parseFieldSelection, renderComment, renderHistory, renderIssue, type RenderContext } from './jira-render';
import type { JiraWorld } from './jira-world';
import { JqlError, parseJql } from './jql';
import { knownPriorities, type Workflow } from './workflow';

export const jiraError = (status: number, errorMessages: string[], errors: Record<string, string> = {}): SandboxResponse => ({
  status,
  json: { errorMessages, errors },
});

const NO_ISSUE = jiraError(404, ['Issue does not exist or you do not have permission to see it.']);

export interface SearchParams {
  jql: string;
  fields?: string[];
  expand?: string[];
  maxResults?: number;
  nextPageToken?: string;
}

const DEFAULT_PAGE = 50;
const MAX_PAGE = 100;

const intParam = (value: string | null, fallback: number, max: number): number => {
  const n = value === null ? NaN : Number(value);
  return Number.isInteger(n) && n >= 0 ? Math.min(n, max) : fallback;
};

/** The Jira REST v3 operations, answered from the world as it is at `now`. */
export class JiraApi {
  readonly #projects: ReadonlySet<string>;
  readonly #priorities: ReadonlySet<string>;

  constructor(
    scenario: Scenario,
    private readonly world: JiraWorld,
    private readonly workflow: Workflow,
    private readonly ctx: RenderContext,
    private readonly now: () => number,
    private readonly email: string,
  ) {
    this.#projects = new Set(scenario.projects.map((p) => p.jiraProjectKey));
    this.#priorities = knownPriorities(scenario);
  }

  #issue(keyOrId: string): SandboxIssue | undefined {
    const issues = this.world.issuesAt(this.now());
    const wanted = keyOrId.toUpperCase();
    return issues.get(wanted) ?? [...issues.values()].find((i) => i.id === keyOrId);
  }

  myself(): SandboxResponse {
    return { status: 200, json: { ...AGENT_USER, emailAddress: this.email, active: true, accountType: 'atlassian', timeZone: this.ctx.timeZone } };
  }

  search(params: SearchParams): SandboxResponse {
    let query;
    try {
      query = parseJql(params.jql, this.ctx.timeZone);
    } catch (error) {
      if (error instanceof JqlError) return jiraError(400, [error.message]);
      throw error;
    }
    if (!this.#projects.has(query.projectKey)) return jiraError(400, [`The value '${query.projectKey}' does not exist for the field 'project'.`]);

    const direction = query.order === 'ASC' ? 1 : -1;
    const matches = [...this.world.issuesAt(this.now()).values()]
      .filter((i) => i.projectKey === query.projectKey && (query.updatedFromMs === null || i.updatedMs >= query.updatedFromMs))
      .sort((a, b) => direction * (a.updatedMs - b.updatedMs || Number(a.id) - Number(b.id)));

    // The page token is opaque to clients and bound to its query, as Jira's is.
    const queryHash = createHash('sha256').update(params.jql).digest('base64url').slice(0, 12);
    let offset = 0;
    if (params.nextPageToken !== undefined) {
      const decoded = decodePageToken(params.nextPageToken);
      if (!decoded || decoded.q !== queryHash) return jiraError(400, ['The nextPageToken is invalid or does not belong to this query.']);
      offset = decoded.o;
    }
    const pageSize = Math.min(Math.max(1, params.maxResults ?? DEFAULT_PAGE), MAX_PAGE);
    const page = matches.slice(offset, offset + pageSize);
    const selection = parseFieldSelection(params.fields, 'none');
    const expandChangelog = (params.expand ?? []).includes('changelog');
    const isLast = offset + page.length >= matches.length;
    return {
      status: 200,
      json: {
        issues: page.map((issue) => renderIssue(issue, selection, expandChangelog, this.ctx)),
        ...(isLast ? {} : { nextPageToken: encodePageToken({ o: offset + page.length, q: queryHash }) }),
        isLast,
      },
    };
  }

  getIssue(keyOrId: string, url: URL): SandboxResponse {
    const issue = this.#issue(keyOrId);
    if (!issue) return NO_ISSUE;
    const selection = parseFieldSelection(url.searchParams.get('fields')?.split(','), 'all');
    const expand = (url.searchParams.get('expand') ?? '').split(',');
    return { status: 200, json: renderIssue(issue, selection, expand.includes('changelog'), this.ctx) };
  }

  getChangelog(keyOrId: string, url: URL): SandboxResponse {
    const issue = this.#issue(keyOrId);
    if (!issue) return NO_ISSUE;
    const startAt = intParam(url.searchParams.get('startAt'), 0, Number.MAX_SAFE_INTEGER);
    const maxResults = Math.max(1, intParam(url.searchParams.get('maxResults'), MAX_PAGE, MAX_PAGE));
    const values = issue.histories.slice(startAt, startAt + maxResults);
    return {
      status: 200,
      json: { startAt, maxResults, total: issue.histories.length, isLast: startAt + values.length >= issue.histories.length, values: values.map((h) => renderHistory(h, this.ctx)) },
    };
  }

  getComments(keyOrId: string, url: URL): SandboxResponse {
    const issue = this.#issue(keyOrId);
    if (!issue) return NO_ISSUE;
    const startAt = intParam(url.searchParams.get('startAt'), 0, Number.MAX_SAFE_INTEGER);
    const maxResults = Math.max(1, intParam(url.searchParams.get('maxResults'), MAX_PAGE, MAX_PAGE));
    const newestFirst = url.searchParams.get('orderBy') === '-created';
    const withProperties = (url.searchParams.get('expand') ?? '').split(',').includes('properties');
    const ordered = newestFirst ? [...issue.comments].reverse() : issue.comments;
    return {
      status: 200,
      json: {
        startAt,
        maxResults,
        total: issue.comments.length,
        comments: ordered.slice(startAt, startAt + maxResults).map((c) => renderComment(issue, c, this.ctx, withProperties)),
      },
    };
  }

  addComment(keyOrId: string, body: unknown): SandboxResponse {
    const issue = this.#issue(keyOrId);
    if (!issue) return NO_ISSUE;
    const { body: doc, properties } = (body ?? {}) as { body?: unknown; properties?: unknown };
    if (!isAdfDoc(doc) || adfPlainText(doc).trim() === '') {
      return jiraError(400, [], { comment: 'Comment body is not valid: API v3 expects a non-empty Atlassian Document Format document.' });
    }
    const props = Array.isArray(properties)
      ? properties.filter((p): p is { key: string; value: unknown } => typeof p === 'object' && p !== null && typeof (p as { key?: unknown }).key === 'string')
      : [];
    const commentId = this.world.allocateId();
    const atMs = this.now();
    this.world.record({ kind: 'comment', atMs, issueKey: issue.key, commentId, author: AGENT_USER, body: doc, properties: props, detail: adfPlainText(doc) });
    return { status: 201, json: renderComment(issue, { id: commentId, author: AGENT_USER, body: doc, atMs, properties: props }, this.ctx, true) };
  }

  getTransitions(keyOrId: string): SandboxResponse {
    const issue = this.#issue(keyOrId);
    if (!issue) return NO_ISSUE;
    return { status: 200, json: { expand: 'transitions', transitions: this.workflow.availableFrom(issue.status) } };
  }

  transition(keyOrId: string, body: unknown): SandboxResponse {
    const issue = this.#issue(keyOrId);
    if (!issue) return NO_ISSUE;
    const id = (body as { transition?: { id?: unknown } } | undefined)?.transition?.id;
    const transition = this.workflow.availableFrom(issue.status).find((t) => t.id === String(id));
    if (!transition) return jiraError(400, [`Transition id '${String(id)}' is not valid for this issue.`]);
    this.world.record({
      kind: 'transition', atMs: this.now(), issueKey: issue.key, historyId: this.world.allocateId(), author: AGENT_USER,
      fields: { status: transition.to.name }, detail: `${issue.status} -> ${transition.to.name}`,
    });
    return { status: 204 };
  }

  editIssue(keyOrId: string, body: unknown): SandboxResponse {
    const issue = this.#issue(keyOrId);
    if (!issue) return NO_ISSUE;
    const { fields, update } = (body ?? {}) as { fields?: unknown; update?: unknown };
    if (update !== undefined) return jiraError(400, ['The sandbox supports edits through "fields" only, not "update".']);
    if (typeof fields !== 'object' || fields === null) return jiraError(400, ['Request body must have a "fields" object.']);
    const parsed = parseFieldEdits(fields as Record<string, unknown>, this.#priorities, this.world.users);
    if ('errors' in parsed) return jiraError(400, [], parsed.errors);
    this.world.record({
      kind: 'field', atMs: this.now(), issueKey: issue.key, historyId: this.world.allocateId(), author: AGENT_USER,
      fields: parsed.fields, detail: describeFields(parsed.fields),
    });
    return { status: 204 };
  }
}

const describeFields = (fields: Partial<IssueFields>): string =>
  Object.entries(fields)
    .map(([name, value]) => {
      const shown =
        value === null || value === undefined ? 'none'
        : Array.isArray(value) ? value.join(',')
        : typeof value === 'object' && 'displayName' in value ? String(value.displayName)
        : typeof value === 'object' ? adfPlainText(value)
        : String(value);
      return `${name}=${shown}`;
    })
    .join('; ');

const encodePageToken = (token: { o: number; q: string }): string => Buffer.from(JSON.stringify(token)).toString('base64url');

const decodePageToken = (token: string): { o: number; q: string } | null => {
  try {
    const value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown; q?: unknown };
    return Number.isInteger(value.o) && typeof value.q === 'string' ? { o: value.o as number, q: value.q } : null;
  } catch {
    return null;
  }
};
