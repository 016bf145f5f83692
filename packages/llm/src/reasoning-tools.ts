import * as z from 'zod';
import { artefactOpSchema, escalationRequestSchema, proposedActionSchema } from '@agentic-pm/domain';
import type { ToolSpec } from './converse-parts';
import { toolInputSchema } from './json-schema';
import { REASONING_TOOLS } from './tool-names';

const signalIds = z
  .array(z.string())
  .min(1)
  .max(50)
  .describe('Refs of the signals this is derived from, such as ["S1"].');

export const proposeActionInput = z.object({
  payload: proposedActionSchema,
  confidence: z.number().min(0).max(1).describe('How sure you are this action is right, 0 to 1.'),
  rationale: z.string().min(1).max(1000),
  signalIds,
});

export const artefactOperationInput = z.object({ op: artefactOpSchema, signalIds });

export const requestEscalationInput = escalationRequestSchema
  .extend({ signalIds })
  .refine((e) => e.recommendation < e.options.length, { path: ['recommendation'], message: 'must be the index of one of the options' });

export const finishInput = z.object({ summary: z.string().min(1).max(1000) });

export const REASONING_TOOL_SPECS: readonly ToolSpec[] = [
  {
    name: REASONING_TOOLS.proposeAction,
    description:
      'Propose one action in Jira or by email. A deterministic policy gate decides whether it runs now, is held, is escalated or is blocked; propose only what the signals justify.',
    inputSchema: toolInputSchema(proposeActionInput),
  },
  {
    name: REASONING_TOOLS.artefactOperation,
    description: 'Apply one small operation to the project records: the RAID log, the delivery state or the decision log.',
    inputSchema: toolInputSchema(artefactOperationInput),
  },
  {
    name: REASONING_TOOLS.requestEscalation,
    description:
      'Ask the human project owner to decide: a title, the context, 1 to 5 options, the index of the option you recommend and why.',
    inputSchema: toolInputSchema(requestEscalationInput),
  },
  {
    name: REASONING_TOOLS.finish,
    description: 'Call once, last, when every signal is handled: a short summary of what you did and why.',
    inputSchema: toolInputSchema(finishInput),
  },
];
