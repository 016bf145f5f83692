import type * as z from 'zod';
import type { scenarioJiraEventSchema, scenarioMessageSchema } from '@agentic-pm/scenario';
import type { Prng } from '../random/prng';
import type { ProjectCast } from './cast';
import type { IssueTracker } from './issue-tracker';

export type JiraEventInput = z.input<typeof scenarioJiraEventSchema>;
export type MessageInput = z.input<typeof scenarioMessageSchema>;

/** What one generated signal may draw on: randomness, the issue world, its project and its arrival time. */
export interface SignalContext {
  rng: Prng;
  tracker: IssueTracker;
  project: ProjectCast;
  /** When the signal arrives (ISO 8601). */
  at: string;
}

export type GeneratedSignal = { kind: string; jira: JiraEventInput } | { kind: string; mail: MessageInput };
