import * as z from 'zod';
import type { TrustTier } from './signal';

export const ACTION_TYPES = ['jira_comment', 'jira_transition', 'jira_update_field', 'send_email', 'notify_owner'] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

export const proposedActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('jira_comment'), issueKey: z.string(), body: z.string().min(1).max(4000) }),
  z.object({ type: z.literal('jira_transition'), issueKey: z.string(), toStatus: z.string().min(1) }),
  z.object({ type: z.literal('jira_update_field'), issueKey: z.string(), field: z.string(), value: z.string() }),
  z.object({ type: z.literal('send_email'), to: z.array(z.email()).min(1).max(20), subject: z.string().min(1).max(200), body: z.string().min(1).max(8000) }),
  z.object({ type: z.literal('notify_owner'), subject: z.string().min(1).max(200), body: z.string().min(1).max(8000) }),
]);
export type ActionPayload = z.infer<typeof proposedActionSchema>;

export interface Provenance {
  /** Lowest trust tier among the signals the action was derived from. */
  trust: TrustTier;
  injectionSuspected: boolean;
  signalIds: string[];
}

export interface ProposedAction {
  id: string;
  projectId: string;
  payload: ActionPayload;
  confidence: number;
  rationale: string;
  provenance: Provenance;
  /** Set when a human approved this action through a decision. */
  approvedBy?: string;
}

export type GateOutcome = 'execute' | 'hold' | 'escalate' | 'block';

export interface GateDecision {
  outcome: GateOutcome;
  reason: string;
  /** ISO time, for `hold`. */
  executeAfter?: string;
}
