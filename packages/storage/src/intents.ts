import { GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from './dynamodb-sdk';
import { eventPut, type AgentEvent } from './events';
import { failedConditions, fencedOut, leaseCheck, type Fence } from './fence';
import { keys, ttlAfterDays } from './keys';
import { isConditionFailure } from './conditional';
import type { Table } from './table';

export interface IntentRecord {
  key: string;
  kind: string;
  startedAt: string;
  outcome?: { status: 'succeeded' | 'failed'; detail: string; at: string };
}

export type BeginIntent = { started: true } | { started: false; existing: IntentRecord };

/**
 * Records the intent to cause a side effect before causing it. A second attempt finds the
 * record: with an outcome it was done; without one the first attempt may or may not have acted.
 */
export const beginIntent = async (table: Table, key: string, kind: string, nowIso: string, fence?: Fence): Promise<BeginIntent> => {
  const put = {
    TableName: table.name,
    Item: { ...keys.intent(key), entity: 'Intent', key, kind, startedAt: nowIso, expiresAt: ttlAfterDays(nowIso, 90) },
    ConditionExpression: 'attribute_not_exists(pk)',
  };
  try {
    // With a fence, a run that lost the lease cannot start a side effect.
    if (fence) await table.doc.send(new TransactWriteCommand({ TransactItems: [leaseCheck(table, fence), { Put: put }] }));
    else await table.doc.send(new PutCommand(put));
    return { started: true };
  } catch (error) {
    if (fence && failedConditions(error)[0]) throw fencedOut(fence);
    if (!isConditionFailure(error)) throw error;
    const existing = (await table.doc.send(new GetCommand({ TableName: table.name, Key: keys.intent(key), ConsistentRead: true }))).Item as IntentRecord;
    return { started: false, existing };
  }
};

/**
 * Stores the outcome, and with it the event that records the effect, in one write: a failure here
 * is the only moment a retry cannot tell whether the effect happened, and there is only one.
 */
export const completeIntent = async (table: Table, key: string, outcome: NonNullable<IntentRecord['outcome']>, event?: AgentEvent): Promise<void> => {
  const update = { TableName: table.name, Key: keys.intent(key), UpdateExpression: 'SET outcome = :o', ExpressionAttributeValues: { ':o': outcome } };
  if (event) await table.doc.send(new TransactWriteCommand({ TransactItems: [{ Update: update }, { Put: eventPut(table, event) }] }));
  else await table.doc.send(new UpdateCommand(update));
};
