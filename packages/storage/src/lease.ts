import { GetCommand, PutCommand, UpdateCommand } from './dynamodb-sdk';
import { keys } from './keys';
import { isConditionFailure } from './conditional';
import { nowEpochSeconds, type Table } from './table';

export interface Lease {
  /** Absent when the lease is free. */
  holder?: string;
  /** Fencing token: grows with every acquisition and never resets, because the item is never deleted. */
  version: number;
  leaseExpiresAt: number;
  acquiredAt?: string;
}

export type LeaseResult = { acquired: true; lease: Lease & { holder: string } } | { acquired: false; heldBy: string; expiresAt: number };

import { LEASE_NAME } from './fence';

const read = async (table: Table): Promise<Lease | undefined> =>
  (await table.doc.send(new GetCommand({ TableName: table.name, Key: keys.lease(LEASE_NAME), ConsistentRead: true }))).Item as Lease | undefined;

/**
 * Takes the single run lease with a conditional put: free, expired, or already ours (a retried
 * Heartbeat). The version is a fencing token later steps check.
 */
export const acquireLease = async (table: Table, runId: string, nowIso: string, ttlSeconds: number): Promise<LeaseResult> => {
  const now = nowEpochSeconds(nowIso);
  const current = await read(table);
  if (current?.holder === runId) return { acquired: true, lease: { ...current, holder: runId } };
  const lease = { holder: runId, version: (current?.version ?? 0) + 1, leaseExpiresAt: now + ttlSeconds, acquiredAt: nowIso };
  try {
    await table.doc.send(
      new PutCommand({
        TableName: table.name,
        // No TTL attribute: the item must outlive every lease so the version keeps growing.
        Item: { ...keys.lease(LEASE_NAME), entity: 'Lease', ...lease },
        ConditionExpression: current ? '#v = :v AND (attribute_not_exists(holder) OR leaseExpiresAt <= :now)' : 'attribute_not_exists(pk)',
        ExpressionAttributeNames: current ? { '#v': 'version' } : undefined,
        ExpressionAttributeValues: current ? { ':v': current.version, ':now': now } : undefined,
      }),
    );
    return { acquired: true, lease };
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    const holder = await read(table);
    return { acquired: false, heldBy: holder?.holder ?? 'unknown', expiresAt: holder?.leaseExpiresAt ?? 0 };
  }
};

/** Frees the lease only if this run still holds it; the version stays. */
export const releaseLease = async (table: Table, runId: string): Promise<boolean> => {
  try {
    await table.doc.send(
      new UpdateCommand({
        TableName: table.name,
        Key: keys.lease(LEASE_NAME),
        UpdateExpression: 'REMOVE holder SET leaseExpiresAt = :zero',
        ConditionExpression: 'holder = :h',
        ExpressionAttributeValues: { ':h': runId, ':zero': 0 },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
};

export const readLease = async (table: Table): Promise<Lease | undefined> => {
  const item = await read(table);
  return item ? { ...(item.holder ? { holder: item.holder } : {}), version: item.version, leaseExpiresAt: item.leaseExpiresAt, ...(item.acquiredAt ? { acquiredAt: item.acquiredAt } : {}) } : undefined;
};
