import { listEventsByType, listGlobalEvents, listProjectEvents, type AgentEvent, type Table } from '@agentic-pm/storage';
import { requireProject } from './artefact-view';
import { shortTime } from './local-data';

/** `events GLOBAL` lists events that belong to no project (run outcomes, skipped runs). */
export const GLOBAL_SCOPE = 'GLOBAL';

export interface EventsViewOptions {
  projectId: string;
  type?: string;
  sinceIso?: string;
  /** "Now" for TTL: events past their expiresAt as of this time are not shown. */
  nowIso: string;
  limit?: number;
}

export interface EventsView {
  events: AgentEvent[];
  /** Live events beyond `limit`. */
  more: number;
  /** Events still stored but past their TTL as of `nowIso`, so not shown. */
  expired: number;
}

/** Long ago enough that nothing stored counts as expired: for counting what the TTL filter hides. */
const BEGINNING = '1970-01-01T00:00:00.000Z';

const query = (table: Table, options: EventsViewOptions, nowIso: string): Promise<AgentEvent[]> => {
  const global = options.projectId === GLOBAL_SCOPE;
  if (options.type) {
    return listEventsByType(table, options.type, nowIso, {
      projectId: global ? null : options.projectId,
      ...(options.sinceIso ? { sinceIso: options.sinceIso } : {}),
    });
  }
  return global ? listGlobalEvents(table, nowIso, options.sinceIso) : listProjectEvents(table, options.projectId, nowIso, options.sinceIso);
};

/** A project's events (or GLOBAL ones), most recent first, optionally of one type and since a time. */
export const listEventsView = async (table: Table, options: EventsViewOptions): Promise<EventsView> => {
  if (options.projectId !== GLOBAL_SCOPE) await requireProject(table, options.projectId, 'events');
  const live = await query(table, options, options.nowIso);
  const stored = await query(table, options, BEGINNING);
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  return { events: live.slice(0, limit), more: Math.max(0, live.length - limit), expired: stored.length - live.length };
};

export const formatEventsView = (view: EventsView, options: EventsViewOptions): string[] => {
  const filters = [options.type ? `type ${options.type}` : '', options.sinceIso ? `since ${options.sinceIso}` : ''].filter(Boolean).join(', ');
  const lines = [`Events of ${options.projectId}${filters ? ` (${filters})` : ''}, most recent first, as of ${options.nowIso}:`];
  const typeWidth = Math.max(0, ...view.events.map((e) => e.type.length));
  for (const e of view.events) {
    const severity = (e as AgentEvent & { severity?: string }).severity;
    lines.push(`  ${shortTime(e.at)}  ${e.type.padEnd(typeWidth)}  ${severity && severity !== 'info' ? `[${severity}] ` : ''}${e.summary}  (run ${e.runId})`);
  }
  if (view.events.length === 0) lines.push('  (no events)');
  if (view.more > 0) lines.push(`  ... ${view.more} older event(s); raise --limit to see them`);
  if (view.expired > 0) {
    lines.push(`  ${view.expired} older event(s) are past their 30-day TTL as of ${options.nowIso} and hidden (DynamoDB deletes them later); --at an earlier time shows them`);
  }
  return lines;
};
