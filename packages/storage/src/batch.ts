import { BatchGetCommand, BatchWriteCommand } from './dynamodb-sdk';
import type { Table } from './table';

type Key = { pk: string; sk: string };

const chunks = <T>(items: T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

const backoff = (attempt: number): Promise<void> => new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt) * Math.random()));

/** BatchGet in chunks of 100, retrying unprocessed keys. Order is not preserved. */
export const batchGet = async <T>(table: Table, keyList: Key[]): Promise<T[]> => {
  const items: T[] = [];
  for (const chunk of chunks(keyList, 100)) {
    let pending: Key[] = chunk;
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 8) throw new Error(`BatchGet left ${pending.length} keys unprocessed after retries`);
      const result = await table.doc.send(new BatchGetCommand({ RequestItems: { [table.name]: { Keys: pending, ConsistentRead: true } } }));
      items.push(...((result.Responses?.[table.name] ?? []) as T[]));
      pending = (result.UnprocessedKeys?.[table.name]?.Keys ?? []) as Key[];
      if (pending.length > 0) await backoff(attempt);
    }
  }
  return items;
};

/** BatchWrite puts in chunks of 25, retrying unprocessed items. */
export const batchPut = async (table: Table, items: Array<Record<string, unknown>>): Promise<void> => {
  for (const chunk of chunks(items, 25)) {
    let pending = chunk.map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 8) throw new Error(`BatchWrite left ${pending.length} items unprocessed after retries`);
      const result = await table.doc.send(new BatchWriteCommand({ RequestItems: { [table.name]: pending } }));
      pending = (result.UnprocessedItems?.[table.name] ?? []) as typeof pending;
      if (pending.length > 0) await backoff(attempt);
    }
  }
};
