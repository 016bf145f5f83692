import { startDynamoDbLocal } from '/work/main/packages/local-runtime/src/dynamodb-local.ts';
import { ensureTable, openTable } from '/work/main/packages/storage/src/index.ts';
import { PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
const db = await startDynamoDbLocal();
const t = openTable({ name: 'xxx', endpoint: db.endpoint });
await ensureTable(t);
const now = Math.floor(Date.now()/1000);
for (let i = 0; i < 10; i++) await t.doc.send(new PutCommand({ TableName: 'xxx', Item: { pk: 'a', sk: `expired-${i}`, expiresAt: now - 1000 - i * 86400 * 20 } }));
await t.doc.send(new PutCommand({ TableName: 'xxx', Item: { pk: 'a', sk: 'live', expiresAt: now + 1000 } }));
const start = Date.now();
let last = -1;
for (let i = 0; i < 400; i++) {
  const n = (await t.doc.send(new ScanCommand({ TableName: 'xxx' }))).Items?.length ?? 0;
  if (n !== last) { console.log(Math.round((Date.now() - start)/1000), 's:', n, 'items'); last = n; }
  if (n === 1) break;
  await new Promise(r => setTimeout(r, 1000));
}
await db.stop();
