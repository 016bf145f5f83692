/** The sandbox's Jira world: issues as derived from the scenario, the clock and the agent's writes. */

export interface SandboxUser {
  accountId: string;
  displayName: string;
}

export interface HistoryItem {
  field: string;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
}

export interface SandboxHistory {
  id: string;
  author: SandboxUser;
  atMs: number;
  items: HistoryItem[];
}

export interface SandboxComment {
  id: string;
  author: SandboxUser;
  body: unknown;
  atMs: number;
  properties: Array<{ key: string; value: unknown }>;
}

export interface IssueFields {
  summary: string;
  status: string;
  priority: string | null;
  assignee: SandboxUser | null;
  dueDate: string | null;
  labels: string[];
  /** ADF document, or null when empty. */
  description: unknown;
}

export interface SandboxIssue extends IssueFields {
  id: string;
  key: string;
  projectKey: string;
  creator: SandboxUser;
  createdMs: number;
  updatedMs: number;
  histories: SandboxHistory[];
  comments: SandboxComment[];
}

export const AGENT_USER: SandboxUser = { accountId: 'acct-agentic-pm', displayName: 'agentic-pm' };
export const AUTOMATION_USER_NAME = 'Jira Automation';

export const userNamed = (displayName: string): SandboxUser => ({
  accountId: `acct-${displayName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'unknown'}`,
  displayName,
});

export const projectKeyOf = (issueKey: string): string => issueKey.slice(0, issueKey.lastIndexOf('-'));
