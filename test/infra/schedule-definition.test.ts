import { describe, expect, it } from 'vitest';
import { AGENT_LOOP_SCHEDULE, SCHEDULE_INTERVAL_MINUTES, scheduleInput } from '../../infra/schedule-definition';
import { ASL_TEXT } from './support';

describe('the agent-loop schedule', () => {
  it('runs every 15 minutes, on time', () => {
    // Assess
    expect(AGENT_LOOP_SCHEDULE.expression).toBe('rate(15 minutes)');
    expect(AGENT_LOOP_SCHEDULE.flexibleTimeWindow.mode).toBe('OFF');
  });

  it('passes the scheduled time to the run as JSON', () => {
    // Act
    const input = JSON.parse(scheduleInput());

    // Assess
    expect(input).toEqual({ scheduledTime: '<aws.scheduler.scheduled-time>' });
  });

  it('retries a failed start, but not past the next scheduled run', () => {
    // Assess
    expect(AGENT_LOOP_SCHEDULE.retryPolicy.maximumRetryAttempts).toBeGreaterThan(0);
    expect(AGENT_LOOP_SCHEDULE.retryPolicy.maximumEventAgeInSeconds).toBeGreaterThanOrEqual(60); // Scheduler's minimum
    expect(AGENT_LOOP_SCHEDULE.retryPolicy.maximumEventAgeInSeconds).toBeLessThan(SCHEDULE_INTERVAL_MINUTES * 60);
  });

  it('lets a run time out before the next one is scheduled', () => {
    // Act
    const { TimeoutSeconds } = JSON.parse(ASL_TEXT) as { TimeoutSeconds?: number };

    // Assess
    expect(TimeoutSeconds).toBeDefined();
    expect(TimeoutSeconds!).toBeLessThan(SCHEDULE_INTERVAL_MINUTES * 60);
  });
});
