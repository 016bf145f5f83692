import { startDynamoDbLocal } from '@agentic-pm/local-runtime';
import { openTable, ensureTable } from '@agentic-pm/storage';
import { PutCommand, GetCommand, QueryCommand, TransactWriteCommand, BatchWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';

const db = await startDynamoDbLocal();
try {
  const table = openTable({ name: 't1', endpoint: db.endpoint });
  await ensureTable(table);
  table.doc.middlewareStack.add((next, context) => async (args) => {
    const input = args.input as Record<string, unknown>;
    console.log('cmd', context.commandName, Object.keys(input));
    (args.input as Record<string, unknown>).ReturnConsumedCapacity = 'TOTAL';
    const out = await next(args);
    console.log(' ->', JSON.stringify((out.output as Record<string, unknown>).ConsumedCapacity));
    return out;
  }, { step: 'initialize', name: 'cc' });
  await table.doc.send(new PutCommand({ TableName: 't1', Item: { pk: 'a', sk: 'b', x: 'y'.repeat(3000) } }));
  await table.doc.send(new GetCommand({ TableName: 't1', Key: { pk: 'a', sk: 'b' } }));
  await table.doc.send(new GetCommand({ TableName: 't1', Key: { pk: 'a', sk: 'b' }, ConsistentRead: true }));
  await table.doc.send(new QueryCommand({ TableName: 't1', KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': 'a' } }));
  await table.doc.send(new TransactWriteCommand({ TransactItems: [{ Put: { TableName: 't1', Item: { pk: 'c', sk: 'd' } } }, { Put: { TableName: 't1', Item: { pk: 'e', sk: 'f' } } }] }));
  await table.doc.send(new BatchWriteCommand({ RequestItems: { t1: [{ PutRequest: { Item: { pk: 'g', sk: 'h' } } }] } }));
  await table.doc.send(new UpdateCommand({ TableName: 't1', Key: { pk: 'a', sk: 'b' }, UpdateExpression: 'SET z = :z', ExpressionAttributeValues: { ':z': 1 } }));
  try { await table.doc.send(new PutCommand({ TableName: 't1', Item: { pk: 'a', sk: 'b' }, ConditionExpression: 'attribute_not_exists(pk)' })); } catch (e) { console.log('err', (e as Error).name, JSON.stringify((e as any).$metadata), Object.keys(e as object)); }
} finally { await db.stop(); }
