import { GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Signal, TriageResult } from '@agentic-pm/domain';
import { keys, ttlAfterDays } from './keys';
import { batchGet } from './batch';
import { isConditionFailure } from './conditional';
import { queryPrefix, withoutKeys } from './query';
import type { Table } from './table';

export type StoredSignal = Signal & { triage?: TriageResult };

const SIGNAL_TTL_DAYS = 90;
const STAGING_TTL_DAYS = 7;

/** A raw change a poller saw, staged under the run until Normalise turns it into a signal. */
export interface StagedChange<T = unknown> {
  projectId: string;
  source: Signal['source'];
  dedupeKey: string;
  payload: T;
}

export const stageChange = async (table: Table, runId: string, change: StagedChange, nowIso: string): Promise<void> => {
  await table.doc.send(
    new PutCommand({
      TableName: table.name,
      Item: {
        ...keys.runItem(runId, 'CHANGE', `${change.source}#${change.projectId}#${change.dedupeKey}`),
        entity: 'Change',
        ...change,
        expiresAt: ttlAfterDays(nowIso, STAGING_TTL_DAYS),
      },
    }),
  );
};

export const listStagedChanges = async <T>(table: Table, runId: string): Promise<Array<StagedChange<T>>> =>
  (await queryPrefix<StagedChange<T>>(table, `RUN#${runId}`, 'CHANGE#')).map((c) => withoutKeys(c) as StagedChange<T>);

export const signalIdOf = (source: Signal['source'], dedupeKey: string): string => `${source}:${dedupeKey}`;

/** Which of these signal ids are already stored (so a poll does not re-stage them). */
export const existingSignalIds = async (table: Table, projectId: string, ids: string[]): Promise<Set<string>> => {
  const found = await batchGet<{ id: string }>(table, ids.map((id) => keys.signal(projectId, id)));
  return new Set(found.map((s) => s.id));
};

export type PutSignalResult = 'created' | 'duplicate';

/**
 * Stores a signal once, keyed by its dedupe key, and links it to the run in the same transaction.
 * A retry of the same run sees its own signal as created, not as a duplicate.
 */
export const putSignalOnce = async (table: Table, signal: Signal): Promise<PutSignalResult> => {
  const item = { ...keys.signal(signal.projectId, signal.id), entity: 'Signal', ...signal, expiresAt: ttlAfterDays(signal.occurredAt, SIGNAL_TTL_DAYS) };
  try {
    await table.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: table.name, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } },
          {
            Put: {
              TableName: table.name,
              Item: { ...keys.runItem(signal.runId, 'SIGNAL', `${signal.projectId}#${signal.id}`), entity: 'RunSignal', projectId: signal.projectId, signalId: signal.id, expiresAt: item.expiresAt },
            },
          },
        ],
      }),
    );
    return 'created';
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    const existing = (await table.doc.send(new GetCommand({ TableName: table.name, Key: keys.signal(signal.projectId, signal.id), ConsistentRead: true }))).Item;
    return existing?.runId === signal.runId ? 'created' : 'duplicate';
  }
};

export const listRunSignals = async (table: Table, runId: string): Promise<StoredSignal[]> => {
  const pointers = await queryPrefix<{ projectId: string; signalId: string }>(table, `RUN#${runId}`, 'SIGNAL#');
  const items = await batchGet<StoredSignal>(table, pointers.map((p) => keys.signal(p.projectId, p.signalId)));
  return items.map((s) => withoutKeys(s) as StoredSignal).sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.id.localeCompare(b.id));
};

export const saveTriage = async (table: Table, signal: Pick<Signal, 'projectId' | 'id'>, triage: TriageResult): Promise<void> => {
  await table.doc.send(
    new UpdateCommand({
      TableName: table.name,
      Key: keys.signal(signal.projectId, signal.id),
      UpdateExpression: 'SET triage = :t',
      ExpressionAttributeValues: { ':t': triage },
    }),
  );
};
