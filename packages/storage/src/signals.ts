import type { Signal, TriageResult } from '@agentic-pm/domain';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from './dynamodb-sdk';
import { keys, ttlAfterDays, WORK_PARTITION } from './keys';
import { batchGet } from './batch';
import { isConditionFailure } from './conditional';
import { LIVE_FILTER, liveValues, queryPrefix, withoutKeys } from './query';
import { shrinkToFit } from './shrink-to-fit';
import { isLive } from './table';
import type { Table } from './table';

export type StoredSignal = Signal & { triage?: TriageResult };

/** Where a signal is in the pipeline; the pointer is deleted when Update Artefacts has applied it. */
export type SignalStage = 'triage' | 'reason' | 'artefacts';

const SIGNAL_TTL_DAYS = 90;
const STAGING_TTL_DAYS = 7;

/** A raw change a poller saw, staged until Normalise turns it into a signal. */
export interface StagedChange<T = unknown> {
  projectId: string;
  source: Signal['source'];
  dedupeKey: string;
  payload: T;
}

const stagedId = (c: Pick<StagedChange, 'source' | 'projectId' | 'dedupeKey'>): string => `${c.source}#${c.projectId}#${c.dedupeKey}`;

/**
 * Idempotent: the same change staged twice is one item. A payload too large for one item (a huge
 * description or subject) is stored with its longest texts and lists cut: the signal keeps its
 * gist, and the poll is not refused by DynamoDB on every later run.
 */
export const stageChange = async (table: Table, change: StagedChange, nowIso: string): Promise<void> => {
  const { item } = shrinkToFit({ ...keys.work('CHANGE', stagedId(change)), entity: 'Change', ...change, expiresAt: ttlAfterDays(nowIso, STAGING_TTL_DAYS) }, 'payload');
  await table.doc.send(new PutCommand({ TableName: table.name, Item: item }));
};

export const listStagedChanges = async <T>(table: Table, nowIso: string): Promise<Array<StagedChange<T>>> =>
  (await queryPrefix<StagedChange<T>>(table, WORK_PARTITION, 'CHANGE#', { liveAt: nowIso })).map((c) => withoutKeys(c) as StagedChange<T>);

export const deleteStagedChange = async (table: Table, change: StagedChange): Promise<void> => {
  await table.doc.send(new DeleteCommand({ TableName: table.name, Key: keys.work('CHANGE', stagedId(change)) }));
};

/** Items waiting in the work partition, optionally only one kind (e.g. `CHANGE#jira#`). */
export const countWork = async (table: Table, nowIso: string, prefix = ''): Promise<number> => {
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await table.doc.send(
      new QueryCommand({
        TableName: table.name, Select: 'COUNT', ConsistentRead: true, ExclusiveStartKey: start,
        // Deferred work is not work yet: a run with nothing else to do stays a no-change run.
        FilterExpression: `(${LIVE_FILTER}) AND (attribute_not_exists(notBefore) OR notBefore <= :nowIso)`,
        // begins_with rejects an empty prefix, so "everything" is the bare partition.
        ...(prefix
          ? { KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)', ExpressionAttributeValues: { ':pk': WORK_PARTITION, ':prefix': prefix, ':nowIso': nowIso, ...liveValues(nowIso) } }
          : { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': WORK_PARTITION, ':nowIso': nowIso, ...liveValues(nowIso) } }),
      }),
    );
    count += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return count;
};

export const signalIdOf = (source: Signal['source'], dedupeKey: string): string => `${source}:${dedupeKey}`;

/** Which of these signal ids are already stored (so a poll does not re-stage them). */
export const existingSignalIds = async (table: Table, projectId: string, ids: string[], nowIso: string): Promise<Set<string>> => {
  // An expired signal counts as gone; if it is still there, putSignalOnce's condition still dedupes.
  const found = await batchGet<{ id: string; expiresAt?: number }>(table, ids.map((id) => keys.signal(projectId, id)));
  return new Set(found.filter((s) => isLive(s, nowIso)).map((s) => s.id));
};

export type PutSignalResult = 'created' | 'duplicate';

/** Stores a signal once, keyed by its dedupe key, and puts it in the pipeline in the same transaction. */
export const putSignalOnce = async (table: Table, signal: StoredSignal, stage: SignalStage): Promise<PutSignalResult> => {
  const expiresAt = ttlAfterDays(signal.occurredAt, SIGNAL_TTL_DAYS);
  try {
    await table.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: table.name, Item: { ...keys.signal(signal.projectId, signal.id), entity: 'Signal', ...signal, expiresAt }, ConditionExpression: 'attribute_not_exists(pk)' } },
          { Put: { TableName: table.name, Item: { ...keys.work('SIGNAL', `${signal.projectId}#${signal.id}`), entity: 'SignalWork', projectId: signal.projectId, signalId: signal.id, stage, expiresAt } } },
        ],
      }),
    );
    return 'created';
  } catch (error) {
    if (isConditionFailure(error)) return 'duplicate';
    throw error;
  }
};

export type SignalInFlight = StoredSignal & { stage: SignalStage; notBefore?: string };

type Pointer = { projectId: string; signalId: string; stage: SignalStage; notBefore?: string };

/** Whether work held back with `notBefore` (see moveSignal) is due at `nowIso`; countWork's filter says the same in DynamoDB. */
export const isDue = (work: { notBefore?: string }, nowIso: string): boolean => work.notBefore === undefined || work.notBefore <= nowIso;

/** Signals that are due at each stage; `deferred` counts those held back until a later run. */
export type StageCounts = Record<SignalStage, number> & { deferred: number };

/** How many signals wait at each stage, from the pointers alone. */
export const countSignalsByStage = async (table: Table, nowIso: string): Promise<StageCounts> => {
  const counts: StageCounts = { triage: 0, reason: 0, artefacts: 0, deferred: 0 };
  for (const p of await queryPrefix<Pointer>(table, WORK_PARTITION, 'SIGNAL#', { liveAt: nowIso })) {
    if (isDue(p, nowIso)) counts[p.stage]++;
    else counts.deferred++;
  }
  return counts;
};

/** Signals in the pipeline, at one stage or all, oldest first. */
export const listSignalsInFlight = async (table: Table, nowIso: string, stage?: SignalStage): Promise<SignalInFlight[]> => {
  const pointers = (await queryPrefix<Pointer>(table, WORK_PARTITION, 'SIGNAL#', { liveAt: nowIso })).filter(
    (p) => stage === undefined || p.stage === stage,
  );
  const pointerOf = new Map(pointers.map((p) => [`${p.projectId}#${p.signalId}`, p]));
  const items = (await batchGet<StoredSignal & { expiresAt?: number }>(table, pointers.map((p) => keys.signal(p.projectId, p.signalId)))).filter((s) => isLive(s, nowIso));
  return items
    .map((s) => {
      const pointer = pointerOf.get(`${s.projectId}#${s.id}`);
      return { ...(withoutKeys(s) as StoredSignal), stage: pointer?.stage ?? 'triage', ...(pointer?.notBefore === undefined ? {} : { notBefore: pointer.notBefore }) };
    })
    .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.id.localeCompare(b.id));
};

/** Moves a signal to a stage; `notBefore` holds it back from the stage's step (and from `countWork`) until then. */
export const moveSignal = async (table: Table, signal: Pick<Signal, 'projectId' | 'id'>, stage: SignalStage, notBefore?: string): Promise<void> => {
  await table.doc.send(
    new UpdateCommand({
      TableName: table.name, Key: keys.work('SIGNAL', `${signal.projectId}#${signal.id}`),
      ...(notBefore === undefined
        ? { UpdateExpression: 'SET stage = :s REMOVE notBefore', ExpressionAttributeValues: { ':s': stage } }
        : { UpdateExpression: 'SET stage = :s, notBefore = :nb', ExpressionAttributeValues: { ':s': stage, ':nb': notBefore } }),
    }),
  );
};

/** Takes a fully processed signal out of the pipeline. */
export const closeSignal = async (table: Table, signal: Pick<Signal, 'projectId' | 'id'>): Promise<void> => {
  await table.doc.send(new DeleteCommand({ TableName: table.name, Key: keys.work('SIGNAL', `${signal.projectId}#${signal.id}`) }));
};

export const getSignal = async (table: Table, projectId: string, signalId: string, nowIso: string): Promise<StoredSignal | undefined> => {
  const item = (await table.doc.send(new GetCommand({ TableName: table.name, Key: keys.signal(projectId, signalId), ConsistentRead: true }))).Item;
  return item && isLive(item as { expiresAt?: number }, nowIso) ? (withoutKeys(item) as StoredSignal) : undefined;
};

export const saveTriage = async (table: Table, signal: Pick<Signal, 'projectId' | 'id'>, triage: TriageResult): Promise<void> => {
  await table.doc.send(
    new UpdateCommand({
      TableName: table.name, Key: keys.signal(signal.projectId, signal.id),
      UpdateExpression: 'SET triage = :t', ExpressionAttributeValues: { ':t': triage },
    }),
  );
};
