import { GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from './dynamodb-sdk';
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

export const completeIntent = async (table: Table, key: string, outcome: NonNullable<IntentRecord['outcome']>): Promise<void> => {
  await table.doc.send(
    new UpdateCommand({ TableName: table.name, Key: keys.intent(key), UpdateExpression: 'SET outcome = :o', ExpressionAttributeValues: { ':o': outcome } }),
  );
};
