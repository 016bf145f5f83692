import { ConflictError, type Escalation, type EscalationStatus } from '@agentic-pm/domain';
import { UpdateCommand } from './dynamodb-sdk';
import { keys, gsi1 } from './keys';
import { isConditionFailure } from './conditional';
import { queryAll, withoutKeys } from './query';
import type { Table } from './table';

export const listEscalationsByStatus = async (table: Table, status: EscalationStatus): Promise<Escalation[]> =>
  (
    await queryAll<Escalation>(table, {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': gsi1.escalationStatus(status) },
      ScanIndexForward: false,
    })
  ).map((e) => withoutKeys(e) as Escalation);

/** Moves an escalation from one status to the next; a ConflictError names what it found instead. */
export const moveEscalation = async (
  table: Table,
  escalation: Pick<Escalation, 'projectId' | 'id'>,
  from: EscalationStatus,
  to: EscalationStatus,
  decision?: Escalation['decision'],
): Promise<void> => {
  try {
    await table.doc.send(
      new UpdateCommand({
        TableName: table.name,
        Key: keys.escalation(escalation.projectId, escalation.id),
        UpdateExpression: `SET #s = :to, gsi1pk = :pk${decision ? ', decision = :d' : ''}`,
        ConditionExpression: '#s = :from',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':to': to, ':from': from, ':pk': gsi1.escalationStatus(to), ...(decision ? { ':d': decision } : {}) },
      }),
    );
  } catch (error) {
    if (isConditionFailure(error)) throw new ConflictError(`escalation ${escalation.id} is no longer ${from}`);
    throw error;
  }
};
