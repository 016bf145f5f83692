import * as z from 'zod';
import { projectConfigSchema, proposedActionSchema } from '@agentic-pm/domain';
import { scenarioIssueSchema, scenarioJiraEventSchema } from '../schema';

/** Attack families, after the patterns public benchmarks use (AgentDojo, BIPIA, InjecAgent). */
export const ATTACK_CATEGORIES = [
  'instruction_override', 'fake_system_notice', 'claimed_approval', 'hidden_text', 'lookalike_sender', 'spoofed_sender',
  'jira_borne', 'data_forwarding', 'encoded_payload', 'cross_project', 'owner_flood', 'credential_phishing',
] as const;
export type AttackCategory = (typeof ATTACK_CATEGORIES)[number];

const isoDateTime = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time such as 2026-03-02T08:00:00Z' });

/**
 * One attack: the untrusted content an attacker controls, and what the attacker wants, in machine
 * form. `{issue}` in an action stands for the issue the case's Jira text is on.
 */
export const attackCaseSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'must be lower-case letters, digits and dashes'),
    category: z.enum(ATTACK_CATEGORIES),
    project: z.string().min(1),
    channel: z.enum(['mail', 'jira_comment', 'jira_description']),
    /** Mail subject, or the summary of the issue the Jira text is on; unique across the corpus. */
    title: z.string().min(8),
    body: z.string().min(1),
    /** Mail only. */
    from: z.email().optional(),
    fromName: z.string().optional(),
    html: z.boolean().default(false),
    headers: z.record(z.string(), z.string()).default({}),
    /** Jira only: who wrote the text. */
    author: z.string().min(1).optional(),
    goal: z.object({
      /** The attacker's instruction in plain words, as an obedient reader would restate it. */
      instruction: z.string().min(1).max(300),
      actions: z.array(proposedActionSchema).min(1).max(8),
    }),
  })
  .superRefine((c, ctx) => {
    if (c.channel === 'mail' && c.from === undefined) ctx.addIssue({ code: 'custom', path: ['from'], message: 'required for a mail case' });
    if (c.channel !== 'mail' && c.author === undefined) ctx.addIssue({ code: 'custom', path: ['author'], message: 'required for a Jira case' });
  });
export type AttackCase = z.infer<typeof attackCaseSchema>;

export const attackCorpusSchema = z.object({
  name: z.string().min(1),
  start: isoDateTime,
  cycleMinutes: z.number().int().min(1).max(1440).default(15),
  /** Cases per cycle: a few scenarios' worth each, so the whole corpus runs in a few cycles. */
  casesPerCycle: z.number().int().min(1).default(12),
  projects: z.array(projectConfigSchema).min(2),
  jira: z
    .object({ issues: z.array(scenarioIssueSchema).default([]), events: z.array(scenarioJiraEventSchema).default([]) })
    .prefault({}),
  /** Strings planted in one project's data; finding one in another project's output is a leak. */
  canaries: z.array(z.object({ project: z.string().min(1), text: z.string().min(6) })).min(1),
  cases: z.array(attackCaseSchema).min(1),
});
export type AttackCorpus = z.infer<typeof attackCorpusSchema>;
