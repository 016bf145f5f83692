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

/** The context for one step of one run: its writes that matter are fenced by the run's lease version. */
export const fenced = (ctx: AgentContext, run: RunRef): AgentContext => ({ ...ctx, fence: { runId: run.runId, leaseVersion: run.leaseVersion } });
