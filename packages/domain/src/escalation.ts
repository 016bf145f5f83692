import * as z from 'zod';
import type { ProposedAction } from './action';

export const escalationRequestSchema = z.object({
  title: z.string().min(1).max(200),
  context: z.string().min(1).max(2000),
  options: z.array(z.string().min(1).max(300)).min(1).max(5),
  recommendation: z.number().int().min(0),
  rationale: z.string().min(1).max(1000),
});
export type EscalationRequest = z.infer<typeof escalationRequestSchema>;

export type EscalationStatus = 'pending' | 'decided' | 'applied';

export interface Escalation extends EscalationRequest {
  id: string;
  projectId: string;
  status: EscalationStatus;
  signalIds: string[];
  createdAt: string;
  decision?: { option: number; notes?: string; decidedAt: string; decidedBy: string };
  /** For an approval request: the action, run with the human's approval if `approveOption` is chosen. */
  action?: ProposedAction;
  approveOption?: number;
}
