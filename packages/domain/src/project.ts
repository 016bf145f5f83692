import * as z from 'zod';

export const AUTONOMY_LEVELS = ['observe', 'maintain', 'act'] as const;
export type AutonomyLevel = (typeof AUTONOMY_LEVELS)[number];

/** A project as its owner configured it: the only trusted input the agent has. */
export const projectConfigSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be lower-case letters, digits and dashes'),
  name: z.string().min(1),
  jiraProjectKey: z.string().regex(/^[A-Z][A-Z0-9]{1,9}$/, 'must be a Jira project key such as ATL'),
  mailbox: z.email(),
  owner: z.email(),
  autonomyLevel: z.enum(AUTONOMY_LEVELS),
  allowedEmailDomains: z.array(z.string().min(1)).min(1),
  /** Jira statuses the agent may move issues to. */
  allowedTransitions: z.array(z.string().min(1)).default(['In Progress', 'Blocked', 'In Review', 'Done']),
  /** Jira fields the agent may update. */
  allowedFields: z.array(z.string().min(1)).default(['priority', 'labels', 'duedate']),
  /** Owner's IANA time zone, used for the daily digest hour. */
  timeZone: z.string().default('UTC'),
});
export type ProjectConfig = z.infer<typeof projectConfigSchema>;
export type ProjectConfigInput = z.input<typeof projectConfigSchema>;
