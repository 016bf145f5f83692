import { beforeEach, describe, expect, it } from 'vitest';
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Table } from '@agentic-pm/storage';
import { diffCapacity, itemSizeBytes, meterCapacity, transactWriteUnits, type CapacityMeter } from '../../packages/bench/src/index';
import { freshTable } from '../support/fresh-table';

describe('the capacity meter on DynamoDB Local', () => {
  let table: Table;
  let meter: CapacityMeter;

  beforeEach(async () => {
    table = await freshTable();
    meter = meterCapacity(table.doc);
  });

  it('sums the ConsumedCapacity of every call it sees, by operation', async () => {
    // Prepare
    const before = meter.snapshot();
    const small = (sk: string) => ({ pk: 'P', sk, note: 'small item' });

    // Act
    await table.doc.send(new PutCommand({ TableName: table.name, Item: small('a') })); // 1 WRU
    await table.doc.send(new GetCommand({ TableName: table.name, Key: { pk: 'P', sk: 'a' } })); // 0.5 RRU, eventually consistent
    await table.doc.send(new GetCommand({ TableName: table.name, Key: { pk: 'P', sk: 'a' }, ConsistentRead: true })); // 1 RRU
    await table.doc.send(new QueryCommand({ TableName: table.name, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': 'P' } })); // 0.5 RRU

    // Assess
    const used = diffCapacity(meter.snapshot(), before);
    expect(used.requests).toBe(4);
    expect(used.readUnits).toBe(2);
    expect(used.writeUnits).toBe(1);
    expect(used.byOperation).toEqual({
      PutItemCommand: { requests: 1, readUnits: 0, writeUnits: 1 },
      GetItemCommand: { requests: 2, readUnits: 1.5, writeUnits: 0 },
      QueryCommand: { requests: 1, readUnits: 0.5, writeUnits: 0 },
    });
  });

  it('bills a transaction 2 units per action, where DynamoDB Local reports one action only', async () => {
    // Prepare
    const before = meter.snapshot();

    // Act
    await table.doc.send(new TransactWriteCommand({
      TransactItems: [
        { Put: { TableName: table.name, Item: { pk: 'T', sk: '1' } } },
        { Put: { TableName: table.name, Item: { pk: 'T', sk: '2' } } },
        { Put: { TableName: table.name, Item: { pk: 'T', sk: '3', gsi1pk: 'G', gsi1sk: '3' } } },
      ],
    }));

    // Assess: 2 + 2 + (2 for the table + 2 for gsi1)
    expect(diffCapacity(meter.snapshot(), before).writeUnits).toBe(8);
  });

  it('counts a failed conditional write as one billed write and rethrows it', async () => {
    // Prepare
    await table.doc.send(new PutCommand({ TableName: table.name, Item: { pk: 'C', sk: '1' } }));
    const before = meter.snapshot();

    // Act
    const put = table.doc.send(new PutCommand({ TableName: table.name, Item: { pk: 'C', sk: '1' }, ConditionExpression: 'attribute_not_exists(pk)' }));

    // Assess
    await expect(put).rejects.toThrow(/conditional request failed/i);
    const used = diffCapacity(meter.snapshot(), before);
    expect(used.failedConditionalWrites).toBe(1);
    expect(used.writeUnits).toBe(1);
  });

  it('hands the caller the answer it would have had without the meter', async () => {
    // Prepare
    await table.doc.send(new PutCommand({ TableName: table.name, Item: { pk: 'O', sk: '1' } }));

    // Act
    const plain = await table.doc.send(new GetCommand({ TableName: table.name, Key: { pk: 'O', sk: '1' } }));
    const asked = await table.doc.send(new GetCommand({ TableName: table.name, Key: { pk: 'O', sk: '1' }, ReturnConsumedCapacity: 'TOTAL' }));

    // Assess
    expect(plain.ConsumedCapacity).toBeUndefined();
    expect(plain.Item).toEqual({ pk: 'O', sk: '1' });
    expect(asked.ConsumedCapacity?.CapacityUnits).toBe(0.5);
  });
});

describe('transaction and item sizes', () => {
  it('sizes items by DynamoDB\'s rules and rounds writes up per KB', () => {
    // Prepare
    const item = { pk: 'abc', n: 12345, flag: true, list: ['x', 'yz'], big: 'x'.repeat(1500) };

    // Act
    const bytes = itemSizeBytes(item);
    const units = transactWriteUnits({ TransactItems: [{ Put: { Item: item } }, { Update: { Key: { pk: 'a' } } }, { ConditionCheck: {} }] });

    // Assess: pk 2+3, n 1+4, flag 4+1, list 4+(3+1+1+1+2), big 3+1500
    expect(bytes).toBe(5 + 5 + 5 + 12 + 1503);
    expect(units).toBe(2 * 2 + 2 + 2);
  });
});
