import type { QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { QueryCommand } from './dynamodb-sdk';
import type { Table } from './table';

type Page = Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>;

/** Runs a Query to the end, following LastEvaluatedKey. */
export const queryAll = async <T>(table: Table, input: Page, limit = Number.POSITIVE_INFINITY): Promise<T[]> => {
  const items: T[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await table.doc.send(new QueryCommand({ ...input, TableName: table.name, ExclusiveStartKey: start }));
    items.push(...((page.Items ?? []) as T[]));
    start = page.LastEvaluatedKey;
  } while (start && items.length < limit);
  return items.slice(0, limit);
};

/** Items under one partition whose sort key starts with `prefix`, strongly consistent. */
export const queryPrefix = <T>(table: Table, pk: string, prefix: string, options: { descending?: boolean; liveAt?: string } = {}): Promise<T[]> =>
  queryAll<T>(table, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix, ...(options.liveAt ? liveValues(options.liveAt) : {}) },
    ...(options.liveAt ? { FilterExpression: LIVE_FILTER } : {}),
    ConsistentRead: true,
    ScanIndexForward: !options.descending,
  });

/** DynamoDB deletes expired items up to ~48 h late, so queries drop them themselves. */
export const LIVE_FILTER = 'attribute_not_exists(expiresAt) OR expiresAt > :liveNow';
export const liveValues = (nowIso: string): Record<string, number> => ({ ':liveNow': Math.floor(Date.parse(nowIso) / 1000) });

/** Strips the key attributes before handing an item to domain code. */
export const withoutKeys = <T extends object>(item: T): Omit<T, 'pk' | 'sk' | 'gsi1pk' | 'gsi1sk' | 'gsi2pk' | 'gsi2sk'> => {
  const { pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, gsi2pk: _c, gsi2sk: _d, ...rest } = item as Record<string, unknown>;
  return rest as Omit<T, 'pk' | 'sk' | 'gsi1pk' | 'gsi1sk' | 'gsi2pk' | 'gsi2sk'>;
};
