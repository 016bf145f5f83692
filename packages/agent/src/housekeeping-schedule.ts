import type { AgentSettings } from '@agentic-pm/domain';

/** The calendar day and hour of an instant in a time zone. */
export const localDayAndHour = (iso: string, timeZone: string): { day: string; hour: number } => {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(iso));
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return { day: `${get('year')}-${get('month')}-${get('day')}`, hour: Number(get('hour')) };
};

/** Once a day, at the first run after `digestHour` in `digestTimeZone`. */
export const isHousekeepingDue = (time: string, lastDay: string | undefined, settings: Pick<AgentSettings, 'digestHour' | 'digestTimeZone'>): boolean => {
  const { day, hour } = localDayAndHour(time, settings.digestTimeZone);
  return hour >= settings.digestHour && lastDay !== day;
};
