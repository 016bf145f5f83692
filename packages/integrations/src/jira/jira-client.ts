import type { JiraClient, JiraClientConfig } from './types';
import { addComment } from './jira-comments';
import { updateField } from './jira-fields';
import { createJiraHttp } from './jira-http';
import { pollChanges } from './jira-poll';
import { transitionIssue } from './jira-transitions';
import { myselfSchema } from './jira-wire';

/** A Jira Cloud REST v3 client authenticated with an API token (Basic email:token). */
export const createJiraClient = (config: JiraClientConfig): JiraClient => {
  const http = createJiraHttp(config);

  // The account this client writes as, to recognise its own changes in later polls. Asked once; a failure is not cached.
  let agentAccount: Promise<string> | undefined;
  const agentAccountId = (): Promise<string> => {
    agentAccount ??= http.read(myselfSchema, 'GET', '/rest/api/3/myself').then(
      (me) => me.accountId,
      (error: unknown) => {
        agentAccount = undefined;
        throw error;
      },
    );
    return agentAccount;
  };

  return {
    pollChanges: (projectKey, sinceMs) => pollChanges(http, agentAccountId, projectKey, sinceMs),
    addComment: (issueKey, body, marker) => addComment(http, issueKey, body, marker),
    transitionIssue: (issueKey, toStatus) => transitionIssue(http, issueKey, toStatus),
    updateField: (issueKey, field, value) => updateField(http, issueKey, field, value),
  };
};
