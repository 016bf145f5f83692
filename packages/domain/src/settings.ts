import * as z from 'zod';

export const HAIKU_4_5 = 'us.anthropic.claude-haiku-4-5-20251001-v1:0';
export const SONNET_4_5 = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0';

const priceSchema = z.object({
  inputPerMTok: z.number().nonnegative(),
  outputPerMTok: z.number().nonnegative(),
  cacheReadPerMTok: z.number().nonnegative(),
  cacheWritePerMTok: z.number().nonnegative(),
});
export type ModelPrice = z.infer<typeof priceSchema>;

/** Agent-wide settings. Every field has an embedded default so a run needs no config file. */
export const agentSettingsSchema = z.object({
  models: z
    .object({
      triage: z.string().default(HAIKU_4_5),
      reasoning: z.string().default(SONNET_4_5),
      region: z.string().default('us-east-1'),
    })
    .prefault({}),
  /** USD per million tokens, list prices us-east-1 (Bedrock pricing page). */
  prices: z.record(z.string(), priceSchema).default({
    [HAIKU_4_5]: { inputPerMTok: 1, outputPerMTok: 5, cacheReadPerMTok: 0.1, cacheWritePerMTok: 1.25 },
    [SONNET_4_5]: { inputPerMTok: 3, outputPerMTok: 15, cacheReadPerMTok: 0.3, cacheWritePerMTok: 3.75 },
  }),
  dailyBudgetUsd: z.number().positive().default(0.35),
  triageBatchSize: z.number().int().min(1).max(100).default(20),
  /** Below this model confidence an action is escalated instead of executed. */
  confidenceThreshold: z.number().min(0).max(1).default(0.75),
  holdMinutes: z.number().int().min(0).default(30),
  maxActionsPerRun: z.number().int().min(0).default(10),
  /** Per project and run: owner notifications and escalations, so no input can flood the owner. */
  maxOwnerNotificationsPerRun: z.number().int().min(0).default(3),
  maxEscalationsPerRun: z.number().int().min(0).default(10),
  /** Hour of day, in `digestTimeZone`, after which the daily housekeeping and digest run. */
  digestHour: z.number().int().min(0).max(23).default(17),
  digestTimeZone: z.string().default('UTC'),
  /** How far before its registration a project's first Jira poll looks. */
  initialLookbackMinutes: z.number().int().min(1).default(15),
  /** Display name of the Jira account the agent writes as, so its own changes are not new work. */
  agentJiraActor: z.string().default('agentic-pm'),
  leaseSeconds: z.number().int().min(60).default(14 * 60),
  /** Jira poll window overlap, to absorb search eventual consistency. */
  jiraOverlapMinutes: z.number().int().min(0).default(5),
  maxSignalTextChars: z.number().int().min(200).default(4000),
  /**
   * How long a complex signal that is not urgent (not a blocker, not high severity, no suspected
   * injection) may wait for reasoning, so one Sonnet call covers what arrives within the window.
   * 0 reasons about every complex signal in the run that triaged it.
   */
  reasoningWindowMinutes: z.number().int().min(0).max(24 * 60).default(60),
});
export type AgentSettings = z.infer<typeof agentSettingsSchema>;
export type AgentSettingsInput = z.input<typeof agentSettingsSchema>;

export const defaultSettings = (): AgentSettings => agentSettingsSchema.parse({});
