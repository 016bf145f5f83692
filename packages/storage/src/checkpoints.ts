import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
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
): Promise<void> => {
  await table.doc.send(
    new PutCommand({ TableName: table.name, Item: { ...keys.checkpoint(projectId, integration, key), entity: 'Checkpoint', value, updatedAt: nowIso } }),
  );
};
