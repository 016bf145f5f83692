import * as z from 'zod';
import { projectConfigSchema } from '@agentic-pm/domain';

const isoDateTime = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time such as 2026-03-02T08:00:00Z' });
const isoDate = z.iso.date({ message: 'must be a date such as 2026-03-10' });

export const scenarioIssueSchema = z.object({
  key: z.string().regex(/^[A-Z][A-Z0-9]{1,9}-\d+$/, 'must be an issue key such as ATL-1'),
  summary: z.string().min(1),
  status: z.string().min(1),
  priority: z.string().nullable().default('Medium'),
  assignee: z.string().nullable().default(null),
  dueDate: isoDate.nullable().default(null),
  labels: z.array(z.string()).default([]),
  description: z.string().default(''),
});
export type ScenarioIssue = z.infer<typeof scenarioIssueSchema>;

export const scenarioJiraEventSchema = z.object({
  at: isoDateTime,
  issue: z.string().regex(/^[A-Z][A-Z0-9]{1,9}-\d+$/, 'must be an issue key such as ATL-1'),
  create: z.boolean().default(false),
  /** Who made the change; defaults to the comment author. */
  by: z.string().min(1).optional(),
  set: z
    .object({
      summary: z.string().min(1).optional(),
      status: z.string().min(1).optional(),
      priority: z.string().nullable().optional(),
      assignee: z.string().nullable().optional(),
      dueDate: isoDate.nullable().optional(),
      labels: z.array(z.string()).optional(),
      description: z.string().optional(),
    })
    .strict()
    .default({}),
  comment: z.object({ author: z.string().min(1), body: z.string().min(1) }).optional(),
});
export type ScenarioJiraEvent = z.infer<typeof scenarioJiraEventSchema>;

export const scenarioMessageSchema = z.object({
  at: isoDateTime,
  mailbox: z.email(),
  from: z.email(),
  fromName: z.string().optional(),
  to: z.array(z.email()).min(1),
  cc: z.array(z.email()).default([]),
  subject: z.string(),
  body: z.string(),
  /** Send the body as HTML instead of plain text. */
  html: z.boolean().default(false),
  /** Extra internet headers, e.g. `Auto-Submitted` or `List-Unsubscribe`. */
  headers: z.record(z.string(), z.string()).default({}),
});
export type ScenarioMessage = z.infer<typeof scenarioMessageSchema>;

export const scenarioSchema = z.object({
  name: z.string().min(1),
  start: isoDateTime,
  cycleMinutes: z.number().int().min(1).max(1440).default(15),
  projects: z.array(projectConfigSchema).min(1),
  jira: z
    .object({
      issues: z.array(scenarioIssueSchema).default([]),
      events: z.array(scenarioJiraEventSchema).default([]),
    })
    .prefault({}),
  mail: z.object({ messages: z.array(scenarioMessageSchema).default([]) }).prefault({}),
});
export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
