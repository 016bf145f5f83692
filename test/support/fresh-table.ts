import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { ensureTable, openTable, type Table } from '@agentic-pm/storage';

/** A new, empty table on the run's shared DynamoDB Local, so test files never see each other's data. */
export const freshTable = async (): Promise<Table> => {
  const table = openTable({ name: `t-${randomUUID()}`, endpoint: inject('dynamoEndpoint') });
  await ensureTable(table);
  return table;
};
