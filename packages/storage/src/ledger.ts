import { UpdateCommand } from './dynamodb-sdk';
import { keys, ttlAfterDays } from './keys';
import { queryPrefix } from './query';
import type { Table } from './table';

export interface LedgerEntry {
  day: string;
  model: string;
  calls: number;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  costUsd: number;
}

export const dayOf = (iso: string): string => iso.slice(0, 10);

/** Adds one call's usage to the day's ledger atomically. */
export const addToLedger = async (
  table: Table,
  nowIso: string,
  usage: Omit<LedgerEntry, 'day' | 'calls'>,
): Promise<void> => {
  const day = dayOf(nowIso);
  await table.doc.send(
    new UpdateCommand({
      TableName: table.name,
      Key: keys.ledger(day, usage.model),
      UpdateExpression:
        'SET entity = :e, #day = :day, model = :m, expiresAt = :ttl ADD calls :one, inputTokens :i, outputTokens :o, cacheReadTokens :cr, cacheWriteTokens :cw, costUsd :c',
      ExpressionAttributeNames: { '#day': 'day' },
      ExpressionAttributeValues: {
        ':e': 'Ledger', ':day': day, ':m': usage.model, ':ttl': ttlAfterDays(nowIso, 400), ':one': 1,
        ':i': usage.inputTokens, ':o': usage.outputTokens, ':cr': usage.cacheReadTokens, ':cw': usage.cacheWriteTokens, ':c': usage.costUsd,
      },
    }),
  );
};

export const getLedger = async (table: Table, day: string, nowIso: string): Promise<LedgerEntry[]> =>
  queryPrefix<LedgerEntry>(table, `LEDGER#${day}`, 'MODEL#', { liveAt: nowIso });

export const totalCost = (entries: LedgerEntry[]): number => entries.reduce((sum, e) => sum + e.costUsd, 0);
