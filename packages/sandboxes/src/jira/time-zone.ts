/** Time-zone arithmetic with Intl only: what Jira does with the searching account's zone. */

const formatters = new Map<string, Intl.DateTimeFormat>();

const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
};

/** Throws a RangeError naming the zone when it is not an IANA time zone. */
export const assertTimeZone = (timeZone: string): void => {
  try {
    formatterFor(timeZone);
  } catch {
    throw new RangeError(`"${timeZone}" is not an IANA time zone (e.g. Europe/London)`);
  }
};

/** Minutes the zone is ahead of UTC at `epochMs`. */
export const offsetMinutes = (epochMs: number, timeZone: string): number => {
  const parts = formatterFor(timeZone).formatToParts(epochMs);
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((wall - Math.floor(epochMs / 1000) * 1000) / 60_000);
};

/** A wall-clock time in `timeZone` to epoch ms (the later instant when DST repeats an hour). */
export const zonedToEpoch = (year: number, month: number, day: number, hour: number, minute: number, timeZone: string): number => {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const first = wall - offsetMinutes(wall, timeZone) * 60_000;
  return wall - offsetMinutes(first, timeZone) * 60_000;
};

const pad = (n: number, width = 2): string => String(Math.abs(n)).padStart(width, '0');

/** Jira's timestamp form, in the account's zone: `2026-03-02T03:05:00.000-0500`. */
export const formatJiraTime = (epochMs: number, timeZone: string): string => {
  const offset = offsetMinutes(epochMs, timeZone);
  const wall = new Date(epochMs + offset * 60_000).toISOString().slice(0, 23);
  return `${wall}${offset < 0 ? '-' : '+'}${pad(Math.trunc(offset / 60))}${pad(offset % 60)}`;
};
