import { TransactionCanceledException } from './dynamodb-sdk';
import { keys } from './keys';
import type { Table } from './table';

/** Who may write: the run holding the lease, at the version it took. */
export interface Fence {
  runId: string;
  leaseVersion: number;
}

/** A write refused because its run no longer holds the lease (a newer run took it over). */
export class FencedOutError extends Error {
  override readonly name = 'FencedOutError';
}

export const LEASE_NAME = 'agent-loop';

/** A transaction item that fails unless `fence` still holds the lease. */
export const leaseCheck = (table: Table, fence: Fence) => ({
  ConditionCheck: {
    TableName: table.name,
    Key: keys.lease(LEASE_NAME),
    ConditionExpression: 'holder = :holder AND #version = :version',
    ExpressionAttributeNames: { '#version': 'version' },
    ExpressionAttributeValues: { ':holder': fence.runId, ':version': fence.leaseVersion },
  },
});

/** Which items of a cancelled transaction failed their condition. */
export const failedConditions = (error: unknown): boolean[] =>
  error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []).map((r) => r.Code === 'ConditionalCheckFailed') : [];

export const fencedOut = (fence: Fence): FencedOutError =>
  new FencedOutError(`run ${fence.runId} no longer holds lease v${fence.leaseVersion}; its write was refused`);
