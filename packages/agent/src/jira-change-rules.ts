import type { RulesVerdict } from '@agentic-pm/domain';
import type { JiraChange } from '@agentic-pm/integrations';

/**
 * Fields whose values are picked from an admin-defined list, a date or a person, never text a
 * user typed (labels, sprint and version names are typed, so they go through triage).
 */
const PICKED_FIELDS = new Set(['status', 'assignee', 'priority', 'duedate', 'resolution', 'rank']);
/** Values that are ids or names of people: the record says what changed, not to what. */
const UNQUOTED: Record<string, string> = { assignee: 'reassigned', rank: 're-ranked' };
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Status and priority names are still text a Jira admin wrote: only short plain names are quoted. */
const PLAIN_VALUE = /^[\p{L}\p{N}][\p{L}\p{N} ._\-/()#+]{0,29}$/u;
const BLOCKED_STATUS = /\b(?:block(?:ed|er)?|imped(?:ed|iment)|on hold)\b/i;

const fieldKey = (field: string): string => field.toLowerCase().replace(/[\s_-]+/g, '');
/** A due date that moved later is a schedule risk; one set, cleared or brought forward is not. */
const slipped = (c: JiraChange['changes'][number]): boolean =>
  fieldKey(c.field) === 'duedate' && c.from !== null && c.to !== null && ISO_DATE.test(c.from) && ISO_DATE.test(c.to) && c.to > c.from;
const plain = (value: string | null): string | undefined => (value === null ? 'none' : PLAIN_VALUE.test(value) ? value : undefined);

/**
 * Settles a Jira change that only moved picked values (a transition, a reassignment, a new due
 * date) without a model. Such a change carries no text anyone typed, so there is nothing for
 * the quarantined pass to read; comments, creations and free-text fields still go through both
 * passes.
 */
export const verdictForJiraChange = (change: JiraChange): RulesVerdict | undefined => {
  if (change.created || change.comments.length > 0 || change.changes.length === 0) return undefined;
  if (!change.changes.every((c) => PICKED_FIELDS.has(fieldKey(c.field)))) return undefined;
  const key = change.issue.key;
  const parts: string[] = [];
  for (const c of change.changes) {
    const field = fieldKey(c.field);
    const unquoted = UNQUOTED[field];
    if (unquoted !== undefined) {
      parts.push(unquoted);
      continue;
    }
    const from = plain(c.from);
    const to = plain(c.to);
    if (from === undefined || to === undefined) return undefined;
    parts.push(`${field === 'duedate' ? 'due date' : field} ${from} -> ${to}`);
  }
  const summary = `${key}: ${parts.join('; ')}.`.slice(0, 300);
  const status = change.changes.find((c) => fieldKey(c.field) === 'status');
  const base = { summary, issueKeys: [key] };
  if (status?.to && BLOCKED_STATUS.test(status.to)) {
    return { ...base, category: 'blocker', severity: 'high', complexity: 'complex', artefacts: ['delivery_state', 'raid_log'], reason: `moved to ${status.to}` };
  }
  if (change.changes.some(slipped)) {
    return { ...base, category: 'schedule_change', severity: 'medium', complexity: 'simple', artefacts: ['raid_log', 'backlog_summary'], reason: 'the due date moved later' };
  }
  return { ...base, category: 'status_update', severity: 'low', complexity: 'simple', artefacts: ['backlog_summary'], reason: 'only picked values changed' };
};
