import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Table } from '@agentic-pm/storage';

/** The raw stored item, keys and all. */
export const rawItem = async (table: Table, key: { pk: string; sk: string }): Promise<Record<string, unknown> | undefined> =>
  (await table.doc.send(new GetCommand({ TableName: table.name, Key: key, ConsistentRead: true }))).Item;

export interface SentCommand {
  name: string;
  input: Record<string, unknown>;
}

/** Records every command sent through the table's document client, to show which operation and index a read uses. */
export const recordCommands = (table: Table): { sent: SentCommand[]; table: Table } => {
  const sent: SentCommand[] = [];
  const doc = Object.create(table.doc) as Table['doc'];
  const send = table.doc.send.bind(table.doc) as (command: unknown) => Promise<unknown>;
  doc.send = ((command: { constructor: { name: string }; input: Record<string, unknown> }) => {
    sent.push({ name: command.constructor.name, input: command.input });
    return send(command);
  }) as Table['doc']['send'];
  return { sent, table: { ...table, doc } };
};

/**
 * "Now" for tests of items with a TTL. DynamoDB Local applies TTL by the wall clock, so an item
 * whose expiresAt is in the real past may be swept mid-test: TTL tests keep every item alive by
 * the wall clock and show expiry by reading "as of" a later time instead.
 */
export const wallClockNow = (): string => new Date(Math.floor(Date.now() / 1000) * 1000).toISOString();

/** `iso` moved by days and hours. */
export const shift = (iso: string, days: number, hours = 0): string => new Date(Date.parse(iso) + days * 86_400_000 + hours * 3_600_000).toISOString();
