import { GetCommand, PutCommand } from './dynamodb-sdk';
import { keys } from './keys';
import type { Table } from './table';

export const getConfigValue = async <T>(table: Table, key: string): Promise<T | undefined> =>
  (await table.doc.send(new GetCommand({ TableName: table.name, Key: keys.config(key), ConsistentRead: true }))).Item?.value as
    | T
    | undefined;

export const putConfigValue = async (table: Table, key: string, value: unknown, nowIso: string): Promise<void> => {
  await table.doc.send(new PutCommand({ TableName: table.name, Item: { ...keys.config(key), entity: 'Config', value, updatedAt: nowIso } }));
};
