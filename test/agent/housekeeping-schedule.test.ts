import { describe, expect, it } from 'vitest';
import { isHousekeepingDue, localDayAndHour } from '../../packages/agent/src/housekeeping-schedule';

const newYork = { digestHour: 17, digestTimeZone: 'America/New_York' };

describe('localDayAndHour', () => {
  it('returns the UTC day and hour in UTC', () => {
    // Act
    const result = localDayAndHour('2026-03-02T23:30:00.000Z', 'UTC');

    // Assess
    expect(result).toEqual({ day: '2026-03-02', hour: 23 });
  });

  it('stays on the previous local day after midnight UTC in America/New_York', () => {
    // Act
    const beforeMidnightUtc = localDayAndHour('2026-03-02T23:30:00.000Z', 'America/New_York');
    const afterMidnightUtc = localDayAndHour('2026-03-03T03:30:00.000Z', 'America/New_York');
    const localMidnight = localDayAndHour('2026-03-03T05:00:00.000Z', 'America/New_York');

    // Assess
    expect(beforeMidnightUtc).toEqual({ day: '2026-03-02', hour: 18 });
    expect(afterMidnightUtc).toEqual({ day: '2026-03-02', hour: 22 });
    expect(localMidnight).toEqual({ day: '2026-03-03', hour: 0 });
  });

  it('follows daylight saving time (UTC-4 after 8 March 2026)', () => {
    // Act
    const result = localDayAndHour('2026-03-10T03:30:00.000Z', 'America/New_York');

    // Assess
    expect(result).toEqual({ day: '2026-03-09', hour: 23 });
  });
});

describe('isHousekeepingDue', () => {
  it('is not due before the digest hour', () => {
    // Act (16:59 in New York)
    const due = isHousekeepingDue('2026-03-02T21:59:00.000Z', undefined, newYork);

    // Assess
    expect(due).toBe(false);
  });

  it('is due at and after the digest hour when it has not run today', () => {
    // Act (17:00 and 19:30 in New York, 19:30 being after midnight UTC)
    const atHour = isHousekeepingDue('2026-03-02T22:00:00.000Z', '2026-03-01', newYork);
    const afterMidnightUtc = isHousekeepingDue('2026-03-03T00:30:00.000Z', undefined, newYork);

    // Assess
    expect(atHour).toBe(true);
    expect(afterMidnightUtc).toBe(true);
  });

  it('is not due again on a day it already ran, by the local day', () => {
    // Act (19:30 on 2 March in New York, already 3 March in UTC)
    const due = isHousekeepingDue('2026-03-03T00:30:00.000Z', '2026-03-02', newYork);

    // Assess
    expect(due).toBe(false);
  });

  it('is due again the next local day after the digest hour', () => {
    // Act (17:15 on 3 March in New York)
    const due = isHousekeepingDue('2026-03-03T22:15:00.000Z', '2026-03-02', newYork);

    // Assess
    expect(due).toBe(true);
  });
});
