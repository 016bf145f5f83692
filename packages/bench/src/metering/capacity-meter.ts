import type { DynamoDBDocumentClient, ServiceInputTypes, ServiceOutputTypes } from '@aws-sdk/lib-dynamodb';
import type { InitializeHandlerOutput, InitializeMiddleware } from '@smithy/types';
import { TABLE_DESIGN } from '@agentic-pm/storage';
import { itemSizeBytes, writeUnitsFor } from './item-size';

export interface CapacityTotals {
  /** Read request units, as on-demand bills them. */
  readUnits: number;
  /** Write request units, as on-demand bills them. */
  writeUnits: number;
  requests: number;
  /** Single-item conditional writes that failed; DynamoDB still charges their write. */
  failedConditionalWrites: number;
  byOperation: Record<string, { requests: number; readUnits: number; writeUnits: number }>;
}

const READS = new Set(['GetItemCommand', 'BatchGetItemCommand', 'QueryCommand', 'ScanCommand', 'TransactGetItemsCommand']);
const WRITES = new Set(['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'BatchWriteItemCommand', 'TransactWriteItemsCommand']);
const SINGLE_WRITES = new Set(['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand']);

type Consumed = { CapacityUnits?: number } | undefined;

const unitsIn = (consumed: unknown): number => {
  const list: Consumed[] = Array.isArray(consumed) ? consumed : [consumed as Consumed];
  return list.reduce((sum, c) => sum + (c?.CapacityUnits ?? 0), 0);
};

const INDEX_KEYS = Object.values(TABLE_DESIGN.indexes).map((index) => index.partitionKey);

/**
 * What a transaction bills: every action is written twice (prepare, commit), so 2 units per KB
 * per action, and again for each index a Put writes. DynamoDB Local reports a multi-action
 * transaction as if it held one action, so the larger of its figure and this one is used.
 * Update, Delete and ConditionCheck carry no item in the request: counted as one KB.
 */
export const transactWriteUnits = (input: { TransactItems?: ReadonlyArray<Record<string, unknown>> }): number =>
  (input.TransactItems ?? []).reduce((sum, action) => {
    const put = action.Put as { Item?: Record<string, unknown> } | undefined;
    if (put?.Item === undefined) return sum + 2;
    const units = 2 * writeUnitsFor(itemSizeBytes(put.Item));
    const indexes = INDEX_KEYS.filter((key) => put.Item?.[key] !== undefined).length;
    return sum + units * (1 + indexes);
  }, 0);

export const zeroCapacity = (): CapacityTotals => ({ readUnits: 0, writeUnits: 0, requests: 0, failedConditionalWrites: 0, byOperation: {} });

export const addCapacity = (a: CapacityTotals, b: CapacityTotals): CapacityTotals => {
  const byOperation = structuredClone(a.byOperation);
  for (const [name, op] of Object.entries(b.byOperation)) {
    const sum = (byOperation[name] ??= { requests: 0, readUnits: 0, writeUnits: 0 });
    sum.requests += op.requests;
    sum.readUnits += op.readUnits;
    sum.writeUnits += op.writeUnits;
  }
  return {
    readUnits: a.readUnits + b.readUnits,
    writeUnits: a.writeUnits + b.writeUnits,
    requests: a.requests + b.requests,
    failedConditionalWrites: a.failedConditionalWrites + b.failedConditionalWrites,
    byOperation,
  };
};

export const diffCapacity = (after: CapacityTotals, before: CapacityTotals): CapacityTotals => {
  const byOperation: CapacityTotals['byOperation'] = {};
  for (const [name, a] of Object.entries(after.byOperation)) {
    const b = before.byOperation[name] ?? { requests: 0, readUnits: 0, writeUnits: 0 };
    if (a.requests === b.requests) continue;
    byOperation[name] = { requests: a.requests - b.requests, readUnits: a.readUnits - b.readUnits, writeUnits: a.writeUnits - b.writeUnits };
  }
  return {
    readUnits: after.readUnits - before.readUnits,
    writeUnits: after.writeUnits - before.writeUnits,
    requests: after.requests - before.requests,
    failedConditionalWrites: after.failedConditionalWrites - before.failedConditionalWrites,
    byOperation,
  };
};

/** Reads DynamoDB's ConsumedCapacity for every table call it sees and keeps running totals. */
export class CapacityMeter {
  readonly #totals: CapacityTotals = zeroCapacity();

  /** A copy of the totals so far; subtract two snapshots for what happened in between. */
  snapshot(): CapacityTotals {
    return structuredClone(this.#totals);
  }

  record(operation: string, units: number): void {
    const isRead = READS.has(operation);
    const op = (this.#totals.byOperation[operation] ??= { requests: 0, readUnits: 0, writeUnits: 0 });
    op.requests += 1;
    this.#totals.requests += 1;
    if (isRead) {
      op.readUnits += units;
      this.#totals.readUnits += units;
    } else {
      op.writeUnits += units;
      this.#totals.writeUnits += units;
    }
  }

  recordFailedConditionalWrite(operation: string): void {
    this.#totals.failedConditionalWrites += 1;
    this.record(operation, 1);
  }
}

/**
 * Adds `ReturnConsumedCapacity: TOTAL` to every data-plane call of the client and sums the
 * ConsumedCapacity DynamoDB returns. The document client shares its middleware stack with the
 * low-level client, so one middleware sees every call the storage layer makes. When the caller
 * had not asked for capacity, it is removed from the output again, so the agent sees exactly
 * the answer it would have had.
 */
export const meterCapacity = (doc: DynamoDBDocumentClient): CapacityMeter => {
  const meter = new CapacityMeter();
  const middleware: InitializeMiddleware<ServiceInputTypes, ServiceOutputTypes> = (next, context) => async (args) => {
    const operation = context.commandName ?? '';
    if (!READS.has(operation) && !WRITES.has(operation)) return next(args);
    const input: Record<string, unknown> = { ...args.input };
    const askedByCaller = input.ReturnConsumedCapacity !== undefined && input.ReturnConsumedCapacity !== 'NONE';
    let result: InitializeHandlerOutput<ServiceOutputTypes>;
    try {
      result = await next({ ...args, input: { ...args.input, ReturnConsumedCapacity: askedByCaller ? input.ReturnConsumedCapacity : 'TOTAL' } as ServiceInputTypes });
    } catch (error) {
      if (SINGLE_WRITES.has(operation) && error instanceof Error && error.name === 'ConditionalCheckFailedException') meter.recordFailedConditionalWrite(operation);
      throw error;
    }
    const output = result.output as { ConsumedCapacity?: unknown };
    const reported = unitsIn(output.ConsumedCapacity);
    meter.record(operation, operation === 'TransactWriteItemsCommand' ? Math.max(reported, transactWriteUnits(input)) : reported);
    if (!askedByCaller) delete output.ConsumedCapacity;
    return result;
  };
  doc.middlewareStack.add(middleware, { step: 'initialize', name: 'benchConsumedCapacity', override: true });
  return meter;
};
