import { randomUUID } from 'node:crypto';
import { eventItem } from './bulk-items';
import { PutCommand } from './dynamodb-sdk';
import { keys, gsi1, gsi2 } from './keys';
import { queryAll, withoutKeys } from './query';
import { isLive, nowEpochSeconds, type Table } from './table';

export interface AgentEvent {
  id: string;
  projectId: string | null;
  runId: string;
  type: string;
  at: string;
  summary: string;
  detail?: Record<string, unknown>;
}

/** The put that stores an event, for a caller that writes it inside a transaction. */
export const eventPut = (table: Table, event: AgentEvent) => ({ TableName: table.name, Item: eventItem(event) });

export const recordEvent = async (table: Table, event: Omit<AgentEvent, 'id'> & { id?: string }): Promise<AgentEvent> => {
  const full: AgentEvent = { ...event, id: event.id ?? randomUUID() };
  await table.doc.send(new PutCommand(eventPut(table, full)));
  return full;
};

/** Events one run wrote, in order. */
export const listRunEvents = async (table: Table, runId: string, nowIso: string): Promise<AgentEvent[]> =>
  (
    await queryAll<AgentEvent & { expiresAt: number }>(table, {
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk AND begins_with(gsi2sk, :prefix)',
      ExpressionAttributeValues: { ':pk': gsi2.run(runId), ':prefix': 'EVENT#' },
    })
  )
    .filter((e) => isLive(e, nowIso))
    .map((e) => withoutKeys(e) as AgentEvent);

/** A project's events, most recent first, optionally since a time. */
export const listProjectEvents = async (table: Table, projectId: string, nowIso: string, sinceIso?: string): Promise<AgentEvent[]> =>
  (
    await queryAll<AgentEvent & { expiresAt: number }>(table, {
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': `PROJECT#${projectId}`, ':from': `EVENT#${sinceIso ?? ''}`, ':to': 'EVENT#\uffff' },
      ScanIndexForward: false,
    })
  )
    .filter((e) => isLive(e, nowIso))
    .map((e) => withoutKeys(e) as AgentEvent);

/** Expired items stay until DynamoDB's TTL sweep (up to ~48 h late): this filter drops them on the server. */
const liveFilter = 'attribute_not_exists(expiresAt) OR expiresAt > :nowEpoch';

/** Normalises an ISO time so it compares as a string with stored times (`toISOString` form). */
const isoKey = (iso: string): string => new Date(iso).toISOString();

export interface EventsByTypeOptions {
  /** Only events at or after this time. */
  sinceIso?: string;
  /** Only this project's events (`null`: only global ones); all projects when absent. */
  projectId?: string | null;
  limit?: number;
}

/** Events of one type across projects, newest first, through GSI1 (`EVENTTYPE#<type>`). */
export const listEventsByType = async (table: Table, type: string, nowIso: string, options: EventsByTypeOptions = {}): Promise<AgentEvent[]> => {
  const byProject = options.projectId !== undefined;
  return (
    await queryAll<AgentEvent>(
      table,
      {
        IndexName: 'gsi1',
        KeyConditionExpression: options.sinceIso ? 'gsi1pk = :pk AND gsi1sk >= :since' : 'gsi1pk = :pk',
        FilterExpression: byProject ? `(${liveFilter}) AND projectId = :project` : liveFilter,
        ExpressionAttributeValues: {
          ':pk': gsi1.eventType(type),
          ':nowEpoch': nowEpochSeconds(nowIso),
          ...(options.sinceIso ? { ':since': isoKey(options.sinceIso) } : {}),
          ...(byProject ? { ':project': options.projectId } : {}),
        },
        ScanIndexForward: false,
      },
      options.limit,
    )
  ).map((e) => withoutKeys(e) as AgentEvent);
};

/** Events that belong to no project (run outcomes, skipped runs), most recent first, optionally since a time. */
export const listGlobalEvents = async (table: Table, nowIso: string, sinceIso?: string): Promise<AgentEvent[]> =>
  (
    await queryAll<AgentEvent>(table, {
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      FilterExpression: liveFilter,
      ExpressionAttributeValues: {
        ':pk': keys.event('GLOBAL', '', '').pk, ':from': `EVENT#${sinceIso ? isoKey(sinceIso) : ''}`, ':to': 'EVENT#\uffff', ':nowEpoch': nowEpochSeconds(nowIso),
      },
      ScanIndexForward: false,
    })
  ).map((e) => withoutKeys(e) as AgentEvent);
