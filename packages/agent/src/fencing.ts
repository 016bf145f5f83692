import { readLease, type Table } from '@agentic-pm/storage';
import { LeaseLostError } from './errors';
import type { RunRef } from './run-ref';
import type { AgentContext } from './context';

/** Refuses to go on when the lease now belongs to a newer run (fencing by version). */
export const assertLeaseHeld = async (table: Table, run: RunRef): Promise<void> => {
  const lease = await readLease(table);
  if (!lease || lease.holder !== run.runId || lease.version !== run.leaseVersion) {
    throw new LeaseLostError(`run ${run.runId} no longer holds lease v${run.leaseVersion} (now ${lease?.holder ? `${lease.holder} v${lease.version}` : 'free'})`);
  }
};

/**
 * The context for one step of one run: its writes that matter are fenced by the run's lease version.
 * Copies accessors as accessors: the Lambda context builds each client (and reads each link) on
 * first use, and a spread would read all of them, failing for those the function does not have.
 */
export const fenced = (ctx: AgentContext, run: RunRef): AgentContext => {
  const fence: AgentContext['fence'] = { runId: run.runId, leaseVersion: run.leaseVersion };
  return Object.defineProperties({}, { ...Object.getOwnPropertyDescriptors(ctx), fence: { value: fence, enumerable: true, writable: true, configurable: true } }) as AgentContext;
};
