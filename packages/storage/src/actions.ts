import type { GateDecision, ProposedAction } from '@agentic-pm/domain';
import { PutCommand, UpdateCommand } from './dynamodb-sdk';
import { keys, gsi1, ttlAfterDays } from './keys';
import { isConditionFailure } from './conditional';
import { queryAll, withoutKeys } from './query';
import { isLive, type Table } from './table';

export type ActionStatus = 'PENDING' | 'EXECUTING' | 'DONE' | 'FAILED' | 'CANCELLED' | 'ESCALATED' | 'BLOCKED';

/** An AgentAction: every gated action, executed or held, kept for audit and for the hold queue. */
export interface AgentActionRecord {
  id: string;
  projectId: string;
  runId: string;
  action: ProposedAction;
  decision: GateDecision;
  status: ActionStatus;
  createdAt: string;
  executeAfter?: string;
  executedAt?: string;
  result?: string;
}

const ACTION_TTL_DAYS = 90;

const indexKeys = (record: AgentActionRecord) => ({
  gsi1pk: gsi1.actionStatus(record.status),
  gsi1sk: `${record.executeAfter ?? record.createdAt}#${record.id}`,
});

export const putAction = async (table: Table, record: AgentActionRecord): Promise<void> => {
  try {
    await table.doc.send(
      new PutCommand({
        TableName: table.name,
        Item: { ...keys.action(record.projectId, record.id), ...indexKeys(record), entity: 'AgentAction', ...record, expiresAt: ttlAfterDays(record.createdAt, ACTION_TTL_DAYS) },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (error) {
    // Same id means a retried step already recorded it.
    if (!isConditionFailure(error)) throw error;
  }
};

/** Moves an action between states only from the expected state; false if someone else moved it first. */
export const moveAction = async (
  table: Table,
  record: Pick<AgentActionRecord, 'projectId' | 'id' | 'executeAfter' | 'createdAt'>,
  from: ActionStatus,
  to: ActionStatus,
  extra: { result?: string; executedAt?: string } = {},
): Promise<boolean> => {
  try {
    await table.doc.send(
      new UpdateCommand({
        TableName: table.name,
        Key: keys.action(record.projectId, record.id),
        UpdateExpression: 'SET #s = :to, gsi1pk = :pk, #r = :r, executedAt = :e',
        ConditionExpression: '#s = :from',
        ExpressionAttributeNames: { '#s': 'status', '#r': 'result' },
        ExpressionAttributeValues: { ':to': to, ':from': from, ':pk': gsi1.actionStatus(to), ':r': extra.result ?? null, ':e': extra.executedAt ?? null },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
};

/** Held actions whose executeAfter has passed. */
export const listDueHeldActions = async (table: Table, nowIso: string): Promise<AgentActionRecord[]> =>
  (
    await queryAll<AgentActionRecord & { expiresAt: number }>(table, {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk <= :now',
      ExpressionAttributeValues: { ':pk': gsi1.actionStatus('PENDING'), ':now': `${nowIso}#\uffff` },
    })
  )
    .filter((a) => isLive(a, nowIso))
    .map((a) => withoutKeys(a) as AgentActionRecord);

export const listActionsByStatus = async (table: Table, status: ActionStatus, nowIso: string): Promise<AgentActionRecord[]> =>
  (
    await queryAll<AgentActionRecord & { expiresAt: number }>(table, {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': gsi1.actionStatus(status) },
    })
  )
    .filter((a) => isLive(a, nowIso))
    .map((a) => withoutKeys(a) as AgentActionRecord);
