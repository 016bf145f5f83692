import { excerpt, IntegrationError } from '@agentic-pm/domain';

// Jira writes offsets without a colon (`+0000`, `-0500`), which Date.parse does not promise to read.
const JIRA_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+-])(\d{2}):?(\d{2}))$/;

/** `2026-03-02T08:05:00.000+0000` (or an ISO form with `Z` / `+00:00`) to epoch ms. */
export const parseJiraTimestamp = (value: string): number => {
  const m = JIRA_TIMESTAMP.exec(value.trim());
  if (!m) throw new IntegrationError(`Jira timestamp ${excerpt(value)} is not in the form 2026-03-02T08:05:00.000+0000`);
  const [, y, mo, d, h, mi, s, frac, zone, sign, oh, om] = m;
  const millis = frac ? Number(frac.padEnd(3, '0').slice(0, 3)) : 0;
  const local = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0), millis);
  const offsetMinutes = zone === 'Z' ? 0 : (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
  return local - offsetMinutes * 60_000;
};

export const jiraTimestampToIso = (value: string): string => new Date(parseJiraTimestamp(value)).toISOString();
