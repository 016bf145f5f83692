import type { Escalation } from '@agentic-pm/domain';
import { PutCommand } from './dynamodb-sdk';
import { keys, gsi1 } from './keys';
import { isConditionFailure } from './conditional';
import { queryAll, withoutKeys } from './query';
import type { Table } from './table';

/** Stores an escalation once; returns false when a retried step already created it. */
export const putEscalation = async (table: Table, escalation: Escalation): Promise<boolean> => {
  try {
    await table.doc.send(
      new PutCommand({
        TableName: table.name,
        Item: {
          ...keys.escalation(escalation.projectId, escalation.id),
          gsi1pk: gsi1.escalationStatus(escalation.status),
          gsi1sk: `${escalation.createdAt}#${escalation.id}`,
          entity: 'Escalation',
          ...escalation,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
};

/** Pending escalations, newest first. */
export const listPendingEscalations = async (table: Table): Promise<Escalation[]> =>
  (
    await queryAll<Escalation>(table, {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': gsi1.escalationStatus('pending') },
      ScanIndexForward: false,
    })
  ).map((e) => withoutKeys(e) as Escalation);
