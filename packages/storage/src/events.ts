import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { keys, gsi1, gsi2, ttlAfterDays } from './keys';
import { queryAll, withoutKeys } from './query';
import { isLive, type Table } from './table';

export interface AgentEvent {
  id: string;
  projectId: string | null;
  runId: string;
  type: string;
  at: string;
  summary: string;
  detail?: Record<string, unknown>;
}

const EVENT_TTL_DAYS = 30;

export const recordEvent = async (table: Table, event: Omit<AgentEvent, 'id'> & { id?: string }): Promise<AgentEvent> => {
  const full: AgentEvent = { ...event, id: event.id ?? randomUUID() };
  await table.doc.send(
    new PutCommand({
      TableName: table.name,
      Item: {
        ...keys.event(full.projectId ?? 'GLOBAL', full.at, full.id),
        gsi1pk: gsi1.eventType(full.type),
        gsi1sk: `${full.at}#${full.id}`,
        gsi2pk: gsi2.run(full.runId),
        gsi2sk: `EVENT#${full.at}#${full.id}`,
        entity: 'Event',
        ...full,
        expiresAt: ttlAfterDays(full.at, EVENT_TTL_DAYS),
      },
    }),
  );
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
