import type { FieldChange } from '@agentic-pm/domain';

/** The fields of a Jira issue the agent keeps, with ADF bodies flattened to text. */
export interface JiraIssueSnapshot {
  id: string;
  key: string;
  summary: string;
  status: string;
  priority: string | null;
  assignee: string | null;
  dueDate: string | null;
  labels: string[];
  description: string;
  created: string;
  /** ISO 8601 UTC. */
  updated: string;
}

export interface JiraComment {
  id: string;
  author: string;
  body: string;
  created: string;
}

/**
 * One change to one issue: the changelog items and comments made by one actor at one instant
 * (or the creation of the issue). One change becomes one signal.
 */
export interface JiraChange {
  issue: JiraIssueSnapshot;
  /** `${issueId}:${epochMs}`: stable across polls, used to dedupe. */
  dedupeKey: string;
  occurredAt: string;
  actor: string | null;
  created: boolean;
  changes: FieldChange[];
  comments: JiraComment[];
  /** The change was made by this agent (its comments carry the agent marker). */
  byAgent: boolean;
}

export interface JiraPollResult {
  changes: JiraChange[];
  /** Current state of every issue the search returned. */
  issues: JiraIssueSnapshot[];
  /** Max `updated` seen, epoch ms; null when nothing matched. The checkpoint moves here, never to the wall clock. */
  maxUpdatedMs: number | null;
}

export interface JiraClient {
  /** Issues of the project updated at or after `sinceMs` (epoch ms), split into changes at or after `sinceMs`. */
  pollChanges(projectKey: string, sinceMs: number): Promise<JiraPollResult>;
  /** Adds a comment carrying an invisible agent marker; returns the existing comment if the marker is already there. */
  addComment(issueKey: string, body: string, marker: string): Promise<{ commentId: string; alreadyPresent: boolean }>;
  /** Moves an issue to a status by name; a no-op when it is already there. */
  transitionIssue(issueKey: string, toStatus: string): Promise<{ changed: boolean }>;
  updateField(issueKey: string, field: string, value: string): Promise<void>;
}

export interface JiraClientConfig {
  baseUrl: string;
  email: string;
  apiToken: string;
  /** Bounded retry on 429/503. */
  maxAttempts?: number;
  maxRetryDelayMs?: number;
  /** Per-request timeout (headers and body); default 30 s. */
  requestTimeoutMs?: number;
}
