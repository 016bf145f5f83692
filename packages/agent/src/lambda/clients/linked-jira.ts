import { createJiraClient, type JiraClient } from '@agentic-pm/integrations';
import { requiredLink, type LinkedConfig } from '../linked-resources';

/** Jira as the linked account; the API token is read from its link on the first request. */
export const linkedJira = (config: LinkedConfig): JiraClient =>
  createJiraClient({
    baseUrl: config.jiraBaseUrl,
    email: config.jiraEmail,
    get apiToken() {
      return requiredLink('JiraApiToken').value;
    },
  });
