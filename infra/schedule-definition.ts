/**
 * When and how the agent loop starts. Pure data; `schedule.ts` declares the resource from it.
 *
 * Execution names: EventBridge Scheduler's Step Functions (templated) target takes only an input,
 * no execution name, so Step Functions names each execution with a UUID. A universal target
 * (`aws-sdk:sfn:startExecution`) could set `Name`, but the only run-stable context attribute,
 * `<aws.scheduler.scheduled-time>`, looks like `2026-03-02T08:15:00Z`, and execution names may not
 * contain `:`; Scheduler has no way to reformat it. So the scheduled time travels in the input
 * instead, and the Heartbeat step dedupes on it (a duplicate start finds the lease taken or the
 * run already recorded and does nothing).
 */

export const SCHEDULE_INTERVAL_MINUTES = 15;

export const AGENT_LOOP_SCHEDULE = {
  expression: `rate(${SCHEDULE_INTERVAL_MINUTES} minutes)`,
  timezone: 'UTC',
  /** Start on time; the lease and the 15-minute cadence assume it. */
  flexibleTimeWindow: { mode: 'OFF' },
  /**
   * Scheduler retries a failed StartExecution (throttling, transient errors). Give up after
   * 10 minutes: by then the next scheduled run is close and will do the same work.
   */
  retryPolicy: { maximumRetryAttempts: 2, maximumEventAgeInSeconds: 600 },
} as const;

/** Scheduler replaces the `<aws.scheduler.*>` keywords in the input when it starts a run. */
export const SCHEDULED_TIME_ATTRIBUTE = '<aws.scheduler.scheduled-time>';

export const scheduleInput = (): string => JSON.stringify({ scheduledTime: SCHEDULED_TIME_ATTRIBUTE });
