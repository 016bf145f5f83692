import type { SandboxComment, SandboxHistory, SandboxIssue, SandboxUser } from './jira-model';
import { formatJiraTime } from './time-zone';
import type { Workflow } from './workflow';

/** How Jira Cloud REST v3 shows the sandbox's issues. */

export interface RenderContext {
  baseUrl: string;
  timeZone: string;
  workflow: Workflow;
}

/** Which fields to include: null means only id and key (search's default). */
export type FieldSelection = { include: 'all'; exclude: Set<string> } | { include: Set<string> } | null;

/** `expand=changelog` embeds at most this many histories, the most recent ones. */
export const CHANGELOG_EXPAND_LIMIT = 40;

export const parseFieldSelection = (fields: readonly string[] | undefined, whenAbsent: 'all' | 'none'): FieldSelection => {
  const names = (fields ?? []).map((f) => f.trim()).filter((f) => f !== '');
  if (names.length === 0) return whenAbsent === 'all' ? { include: 'all', exclude: new Set() } : null;
  const exclude = new Set(names.filter((n) => n.startsWith('-')).map((n) => n.slice(1)));
  if (names.includes('*all') || names.includes('*navigable')) return { include: 'all', exclude };
  return { include: new Set(names.filter((n) => !n.startsWith('-') && !exclude.has(n))) };
};

const wants = (selection: FieldSelection, field: string): boolean =>
  selection !== null && (selection.include === 'all' ? !selection.exclude.has(field) : selection.include.has(field));

export const renderUser = (user: SandboxUser, ctx: RenderContext): Record<string, unknown> => ({
  self: `${ctx.baseUrl}/rest/api/3/user?accountId=${encodeURIComponent(user.accountId)}`,
  accountId: user.accountId,
  displayName: user.displayName,
  active: true,
  accountType: 'atlassian',
});

export const renderComment = (issue: SandboxIssue, comment: SandboxComment, ctx: RenderContext, withProperties: boolean): Record<string, unknown> => ({
  self: `${ctx.baseUrl}/rest/api/3/issue/${issue.id}/comment/${comment.id}`,
  id: comment.id,
  author: renderUser(comment.author, ctx),
  updateAuthor: renderUser(comment.author, ctx),
  body: comment.body,
  created: formatJiraTime(comment.atMs, ctx.timeZone),
  updated: formatJiraTime(comment.atMs, ctx.timeZone),
  jsdPublic: true,
  ...(withProperties ? { properties: comment.properties } : {}),
});

export const renderHistory = (history: SandboxHistory, ctx: RenderContext): Record<string, unknown> => ({
  id: history.id,
  author: renderUser(history.author, ctx),
  created: formatJiraTime(history.atMs, ctx.timeZone),
  items: history.items.map((item) => ({ ...item, fieldtype: 'jira', fieldId: item.field })),
});

const renderFields = (issue: SandboxIssue, selection: FieldSelection, ctx: RenderContext): Record<string, unknown> => {
  const all: Record<string, () => unknown> = {
    summary: () => issue.summary,
    status: () => ({ name: issue.status, id: ctx.workflow.statusId(issue.status) }),
    priority: () => (issue.priority === null ? null : { name: issue.priority }),
    assignee: () => (issue.assignee ? renderUser(issue.assignee, ctx) : null),
    creator: () => renderUser(issue.creator, ctx),
    reporter: () => renderUser(issue.creator, ctx),
    duedate: () => issue.dueDate,
    labels: () => issue.labels,
    description: () => issue.description,
    created: () => formatJiraTime(issue.createdMs, ctx.timeZone),
    updated: () => formatJiraTime(issue.updatedMs, ctx.timeZone),
    project: () => ({ key: issue.projectKey, name: issue.projectKey }),
    issuetype: () => ({ name: 'Task' }),
    comment: () => ({
      comments: issue.comments.map((c) => renderComment(issue, c, ctx, false)),
      maxResults: issue.comments.length,
      total: issue.comments.length,
      startAt: 0,
    }),
  };
  return Object.fromEntries(Object.entries(all).filter(([name]) => wants(selection, name)).map(([name, value]) => [name, value()]));
};

export const renderIssue = (issue: SandboxIssue, selection: FieldSelection, expandChangelog: boolean, ctx: RenderContext): Record<string, unknown> => {
  const recent = issue.histories.slice(-CHANGELOG_EXPAND_LIMIT);
  return {
    id: issue.id,
    key: issue.key,
    self: `${ctx.baseUrl}/rest/api/3/issue/${issue.id}`,
    ...(selection === null ? {} : { fields: renderFields(issue, selection, ctx) }),
    ...(expandChangelog
      ? { changelog: { startAt: 0, maxResults: recent.length, total: issue.histories.length, histories: recent.map((h) => renderHistory(h, ctx)) } }
      : {}),
  };
};
