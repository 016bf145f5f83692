import { GetCommand, PutCommand, TransactWriteCommand } from './dynamodb-sdk';
import { failedConditions, fencedOut, leaseCheck, type Fence } from './fence';
import { keys } from './keys';
import type { Table } from './table';

export type Integration = 'jira' | 'outlook';

export const getCheckpoint = async (table: Table, projectId: string, integration: Integration, key: string): Promise<string | undefined> =>
  (await table.doc.send(new GetCommand({ TableName: table.name, Key: keys.checkpoint(projectId, integration, key), ConsistentRead: true })))
    .Item?.value as string | undefined;

/** Call only after everything the new value covers is stored: a cursor never runs ahead of the data. */
export const putCheckpoint = async (
  table: Table,
  projectId: string,
  integration: Integration,
  key: string,
  value: string,
  nowIso: string,
  fence?: Fence,
): Promise<void> => {
  const put = { TableName: table.name, Item: { ...keys.checkpoint(projectId, integration, key), entity: 'Checkpoint', value, updatedAt: nowIso } };
  try {
    // With a fence, a run that lost the lease cannot move a cursor the new holder relies on.
    if (fence) await table.doc.send(new TransactWriteCommand({ TransactItems: [leaseCheck(table, fence), { Put: put }] }));
    else await table.doc.send(new PutCommand(put));
  } catch (error) {
    if (fence && failedConditions(error)[0]) throw fencedOut(fence);
    throw error;
  }
};
