import { join } from 'node:path';
import { ensureTable, getConfigValue, openTable, type Table } from '@agentic-pm/storage';
import { startDynamoDbLocal } from './dynamodb-local';

export const LOCAL_TABLE_NAME = 'agentic-pm';

/** Opens the table a local run wrote under `dataDir`, for the operator commands, and stops DynamoDB Local after. */
export const withLocalTable = async <T>(dataDir: string, work: (table: Table) => Promise<T>): Promise<T> => {
  const db = await startDynamoDbLocal({ dataDir: join(dataDir, 'dynamodb') });
  try {
    const table = openTable({ name: LOCAL_TABLE_NAME, endpoint: db.endpoint });
    await ensureTable(table);
    return await work(table);
  } finally {
    await db.stop();
  }
};

/**
 * "Now" for reading a local run's data: the last heartbeat's time. A scenario runs on a simulated
 * clock, and its items would look expired against the wall clock.
 */
export const referenceTime = async (table: Table): Promise<string> =>
  (await getConfigValue<{ time: string }>(table, 'heartbeat'))?.time ?? new Date().toISOString();
