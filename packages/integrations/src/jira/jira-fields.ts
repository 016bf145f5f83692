import { IntegrationError } from '@agentic-pm/domain';
import { textToAdf } from './adf';
import { issuePath, type JiraHttp } from './jira-http';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The agent speaks strings; Jira wants each field in its own shape. */
export const fieldValue = (issueKey: string, field: string, value: string): unknown => {
  const trimmed = value.trim();
  switch (field) {
    case 'priority':
      if (trimmed === '') throw new IntegrationError(`priority of ${issueKey} cannot be empty`);
      return { name: trimmed };
    case 'labels': {
      const labels = [...new Set(trimmed.split(',').map((l) => l.trim()).filter((l) => l !== ''))];
      const spaced = labels.find((l) => /\s/.test(l));
      if (spaced) throw new IntegrationError(`Jira labels cannot contain spaces: "${spaced}" (labels are a comma-separated list)`);
      return labels;
    }
    case 'duedate':
      if (trimmed === '') return null;
      if (!ISO_DATE.test(trimmed) || Number.isNaN(Date.parse(trimmed))) {
        throw new IntegrationError(`duedate of ${issueKey} must be a date such as 2026-03-10, got "${value}"`);
      }
      return trimmed;
    case 'description':
      return textToAdf(value);
    case 'assignee':
      throw new IntegrationError('updateField cannot set assignee: Jira needs an account id, not a name');
    default:
      // summary and custom text fields take a plain string.
      return value;
  }
};

export const updateField = async (http: JiraHttp, issueKey: string, field: string, value: string): Promise<void> => {
  await http.call('PUT', issuePath(issueKey), { body: { fields: { [field]: fieldValue(issueKey, field, value) } } });
};
