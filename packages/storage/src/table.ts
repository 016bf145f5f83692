import { DynamoDBClient, DynamoDBDocumentClient } from './dynamodb-sdk';

/** The table and the document client that talks to it: the one thing every storage function takes. */
export interface Table {
  doc: DynamoDBDocumentClient;
  name: string;
}

export interface TableOptions {
  name: string;
  region?: string;
  /** Loopback DynamoDB Local; credentials are then dummies. */
  endpoint?: string;
}

export const openTable = (options: TableOptions): Table => {
  const client = new DynamoDBClient({
    region: options.region ?? process.env.AWS_REGION ?? 'us-east-1',
    ...(options.endpoint
      ? { endpoint: options.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
    maxAttempts: 5,
  });
  return {
    name: options.name,
    doc: DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } }),
  };
};

export const nowEpochSeconds = (iso: string): number => Math.floor(Date.parse(iso) / 1000);

/** DynamoDB deletes expired items up to ~48 h late, so reads drop them themselves. */
export const isLive = (item: { expiresAt?: number } | undefined, nowIso: string): boolean =>
  item !== undefined && (item.expiresAt === undefined || item.expiresAt > nowEpochSeconds(nowIso));
