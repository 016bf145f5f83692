import { IntegrationError } from '@agentic-pm/domain';
import { issuePath, type JiraHttp } from './jira-http';
import { issueStatusSchema, transitionsSchema } from './jira-wire';

const sameName = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Transitions are looked up by target status, not by transition name: workflows name transitions
 * freely ("Start progress") while the agent and its policy speak in statuses.
 */
export const transitionIssue = async (http: JiraHttp, issueKey: string, toStatus: string): Promise<{ changed: boolean }> => {
  const issue = await http.read(issueStatusSchema, 'GET', issuePath(issueKey), { query: { fields: 'status' } });
  if (sameName(issue.fields.status.name, toStatus)) return { changed: false };

  const { transitions } = await http.read(transitionsSchema, 'GET', issuePath(issueKey, '/transitions'));
  const transition = transitions.find((t) => sameName(t.to.name, toStatus));
  if (!transition) {
    const available = transitions.map((t) => `"${t.to.name}"`).join(', ') || 'none';
    throw new IntegrationError(
      `Jira issue ${issueKey} (status "${issue.fields.status.name}") has no transition to "${toStatus}"; available: ${available}`,
    );
  }
  await http.call('POST', issuePath(issueKey, '/transitions'), { body: { transition: { id: transition.id } } });
  return { changed: true };
};
