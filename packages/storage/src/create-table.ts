import { CreateTableCommand, DescribeTableCommand, ResourceInUseException, waitUntilTableExists } from './dynamodb-sdk';
import { TABLE_DESIGN } from './table-design';
import type { Table } from './table';

/**
 * Creates the table for local runs and tests, with infra's keys and indexes. Idempotent.
 * TTL stays off here: DynamoDB Local deletes by the wall clock, which would erase a scenario's
 * simulated day. Reads filter expired items themselves, as they must in AWS too.
 */
export const ensureTable = async (table: Table): Promise<void> => {
  const { partitionKey, sortKey, indexes } = TABLE_DESIGN;
  const attributes = new Set<string>([partitionKey, sortKey]);
  for (const index of Object.values(indexes)) {
    attributes.add(index.partitionKey);
    attributes.add(index.sortKey);
  }
  try {
    await table.doc.send(
      new CreateTableCommand({
        TableName: table.name,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [...attributes].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
        KeySchema: [
          { AttributeName: partitionKey, KeyType: 'HASH' },
          { AttributeName: sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: Object.entries(indexes).map(([name, index]) => ({
          IndexName: name,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: 'HASH' },
            { AttributeName: index.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        })),
      }),
    );
    await waitUntilTableExists({ client: table.doc, maxWaitTime: 30 }, { TableName: table.name });
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
    await table.doc.send(new DescribeTableCommand({ TableName: table.name }));
  }
};
