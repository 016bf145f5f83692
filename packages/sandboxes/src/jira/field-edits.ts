import { isAdfDoc } from './adf';
import type { IssueFields, SandboxUser } from './jira-model';

/** Validates a `PUT /issue/{key}` `fields` object the way Jira does: per-field errors, nothing applied on any error. */
export const parseFieldEdits = (
  input: Record<string, unknown>,
  priorities: ReadonlySet<string>,
  users: ReadonlyMap<string, SandboxUser>,
): { fields: Partial<IssueFields> } | { errors: Record<string, string> } => {
  const fields: Partial<IssueFields> = {};
  const errors: Record<string, string> = {};
  for (const [name, value] of Object.entries(input)) {
    switch (name) {
      case 'summary':
        if (typeof value === 'string' && value.trim() !== '') fields.summary = value;
        else errors.summary = 'You must specify a summary of the issue.';
        break;
      case 'priority': {
        const priority = typeof value === 'object' && value !== null ? (value as { name?: unknown }).name : undefined;
        if (typeof priority === 'string' && priorities.has(priority)) fields.priority = priority;
        else errors.priority = `Specify a valid priority name (one of ${[...priorities].join(', ')}).`;
        break;
      }
      case 'labels':
        if (Array.isArray(value) && value.every((l) => typeof l === 'string' && l !== '' && !/\s/.test(l))) fields.labels = [...(value as string[])];
        else errors.labels = 'Labels must be an array of strings without spaces.';
        break;
      case 'duedate':
        if (value === null || (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)))) fields.dueDate = value;
        else errors.duedate = "Error parsing date string: expected 'yyyy-MM-dd'.";
        break;
      case 'description':
        if (value === null || isAdfDoc(value)) fields.description = value;
        else errors.description = 'Operation value must be an Atlassian Document (see the Atlassian Document Format).';
        break;
      case 'assignee': {
        const accountId = typeof value === 'object' && value !== null ? (value as { accountId?: unknown }).accountId : undefined;
        const user = typeof accountId === 'string' ? users.get(accountId) : undefined;
        if (value === null) fields.assignee = null;
        else if (user) fields.assignee = user;
        else errors.assignee = `Specify a valid value for assignee (an accountId).`;
        break;
      }
      default:
        errors[name] = `Field '${name}' cannot be set. It is not on the appropriate screen, or unknown.`;
    }
  }
  return Object.keys(errors).length > 0 ? { errors } : { fields };
};
