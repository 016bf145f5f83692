import { GetCommand, PutCommand, UpdateCommand } from './dynamodb-sdk';
import { keys, ttlAfterDays } from './keys';
import { LIVE_FILTER, liveValues, queryAll, withoutKeys } from './query';
import { isLive, type Table } from './table';

export type RunStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'SKIPPED';

export interface RunRecord {
  runId: string;
  time: string;
  status: RunStatus;
  leaseVersion?: number;
  summary?: Record<string, unknown>;
  error?: { error: string; cause: string };
  finishedAt?: string;
}

const RUN_TTL_DAYS = 30;

export const putRun = async (table: Table, run: RunRecord): Promise<void> => {
  await table.doc.send(
    new PutCommand({
      TableName: table.name,
      Item: { ...keys.run(run.runId), gsi1pk: 'RUNS', gsi1sk: `${run.time}#${run.runId}`, entity: 'Run', ...run, expiresAt: ttlAfterDays(run.time, RUN_TTL_DAYS) },
    }),
  );
};

export const getRun = async (table: Table, runId: string, nowIso: string): Promise<RunRecord | undefined> => {
  const item = (await table.doc.send(new GetCommand({ TableName: table.name, Key: keys.run(runId), ConsistentRead: true }))).Item;
  return item && isLive(item as { expiresAt?: number }, nowIso) ? (withoutKeys(item) as unknown as RunRecord) : undefined;
};

export const finishRunRecord = async (
  table: Table,
  runId: string,
  update: Pick<RunRecord, 'status' | 'summary' | 'error' | 'finishedAt'>,
): Promise<void> => {
  await table.doc.send(
    new UpdateCommand({
      TableName: table.name,
      Key: keys.run(runId),
      UpdateExpression: 'SET #s = :s, summary = :summary, finishedAt = :f' + (update.error ? ', #e = :e' : ''),
      ExpressionAttributeNames: { '#s': 'status', ...(update.error ? { '#e': 'error' } : {}) },
      ExpressionAttributeValues: {
        ':s': update.status,
        ':summary': update.summary ?? {},
        ':f': update.finishedAt,
        ...(update.error ? { ':e': update.error } : {}),
      },
    }),
  );
};

export const listRecentRuns = async (table: Table, limit: number, nowIso: string): Promise<RunRecord[]> =>
  (
    await queryAll<RunRecord>(
      table,
      {
        IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', FilterExpression: LIVE_FILTER,
        ExpressionAttributeValues: { ':pk': 'RUNS', ...liveValues(nowIso) }, ScanIndexForward: false,
      },
      limit,
    )
  ).map((r) => withoutKeys(r) as RunRecord);
