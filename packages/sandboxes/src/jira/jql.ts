import { zonedToEpoch } from './time-zone';

export interface JqlQuery {
  projectKey: string;
  /** Inclusive lower bound on `updated`, epoch ms. */
  updatedFromMs: number | null;
  order: 'ASC' | 'DESC';
}

export class JqlError extends Error {}

const SUBSET = 'project = KEY [AND updated >= <epoch ms> | "yyyy/MM/dd HH:mm"] [ORDER BY updated ASC|DESC]';

const QUERY = /^\s*project\s*=\s*(?:"([^"]+)"|'([^']+)'|([A-Za-z][A-Za-z0-9_]*))\s*(?:AND\s+updated\s*>=\s*(\d+|"[^"]*"|'[^']*'))?\s*(?:ORDER\s+BY\s+updated(?:\s+(ASC|DESC))?)?\s*$/i;

const LOCAL_DATE = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/;

/**
 * A quoted date is read like Jira reads it: as wall-clock time in the searching account's zone,
 * to the minute. Epoch milliseconds are absolute.
 */
const parseUpdated = (literal: string, timeZone: string): number => {
  if (/^\d+$/.test(literal)) return Number(literal);
  const text = literal.slice(1, -1).trim();
  const m = LOCAL_DATE.exec(text);
  if (!m) throw new JqlError(`Date value '${text}' for field 'updated' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`);
  const [, y, mo, d, h, mi] = m;
  return zonedToEpoch(Number(y), Number(mo), Number(d), Number(h ?? 0), Number(mi ?? 0), timeZone);
};

export const parseJql = (jql: string, timeZone: string): JqlQuery => {
  const m = QUERY.exec(jql);
  if (!m) throw new JqlError(`Error in the JQL Query: the sandbox understands only ${SUBSET}; got: ${jql}`);
  const [, doubleQuoted, singleQuoted, bare, updated, order] = m;
  return {
    projectKey: (doubleQuoted ?? singleQuoted ?? bare ?? '').toUpperCase(),
    updatedFromMs: updated === undefined ? null : parseUpdated(updated, timeZone),
    order: order?.toUpperCase() === 'DESC' ? 'DESC' : 'ASC',
  };
};
