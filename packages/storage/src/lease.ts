import { GetCommand, PutCommand, DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from './keys';
import { isConditionFailure } from './conditional';
import { nowEpochSeconds, type Table } from './table';

export interface Lease {
  holder: string;
  version: number;
  expiresAt: number;
  acquiredAt: string;
}

export type LeaseResult = { acquired: true; lease: Lease } | { acquired: false; heldBy: string; expiresAt: number };

const LEASE_NAME = 'agent-loop';

/**
 * Takes the single run lease. A free, expired, or already-ours lease is taken with a conditional
 * put; the version is a fencing token that later writes can be checked against.
 */
export const acquireLease = async (table: Table, runId: string, nowIso: string, ttlSeconds: number): Promise<LeaseResult> => {
  const key = keys.lease(LEASE_NAME);
  const now = nowEpochSeconds(nowIso);
  const current = (await table.doc.send(new GetCommand({ TableName: table.name, Key: key, ConsistentRead: true }))).Item as
    | (Lease & { pk: string })
    | undefined;
  if (current && current.holder === runId) return { acquired: true, lease: current };
  const lease: Lease = { holder: runId, version: (current?.version ?? 0) + 1, expiresAt: now + ttlSeconds, acquiredAt: nowIso };
  try {
    await table.doc.send(
      new PutCommand({
        TableName: table.name,
        Item: { ...key, ...lease, leaseExpiresAt: lease.expiresAt },
        ConditionExpression: current ? '#v = :v AND leaseExpiresAt <= :now' : 'attribute_not_exists(pk)',
        ExpressionAttributeNames: current ? { '#v': 'version' } : undefined,
        ExpressionAttributeValues: current ? { ':v': current.version, ':now': now } : undefined,
      }),
    );
    return { acquired: true, lease };
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    const holder = (await table.doc.send(new GetCommand({ TableName: table.name, Key: key, ConsistentRead: true }))).Item as
      | Lease
      | undefined;
    return { acquired: false, heldBy: holder?.holder ?? 'unknown', expiresAt: holder?.expiresAt ?? 0 };
  }
};

/** Releases the lease only if this run still holds it. */
export const releaseLease = async (table: Table, runId: string): Promise<boolean> => {
  try {
    await table.doc.send(
      new DeleteCommand({
        TableName: table.name,
        Key: keys.lease(LEASE_NAME),
        ConditionExpression: 'holder = :h',
        ExpressionAttributeValues: { ':h': runId },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
};

export const readLease = async (table: Table): Promise<Lease | undefined> =>
  (await table.doc.send(new GetCommand({ TableName: table.name, Key: keys.lease(LEASE_NAME), ConsistentRead: true })))
    .Item as Lease | undefined;
