import * as z from 'zod';
import { acquireLease, countWork, getConfigValue, listProjects, putConfigValue, putRun, recordEvent } from '@agentic-pm/storage';
import type { AgentContext } from '../context';
import { RunLeaseHeld } from '../errors';
import { isHousekeepingDue } from '../housekeeping-schedule';

export const heartbeatInputSchema = z.object({
  executionName: z.string().min(1),
  startTime: z.string().min(1),
  /** The execution input: the scheduler sends `scheduledTime`; a manual start may send nothing. */
  input: z
    .object({ scheduledTime: z.iso.datetime({ offset: true }).optional(), time: z.iso.datetime({ offset: true }).optional() })
    .passthrough()
    .default({}),
});
export type HeartbeatInput = z.infer<typeof heartbeatInputSchema>;

export type HeartbeatResult = { runId: string; time: string; acquired: true; leaseVersion: number; projects: number; housekeepingDue: boolean; openWork: number };

export const HOUSEKEEPING_DAY_KEY = 'housekeeping#lastDay';

/** Step 1: take the run lease and write the heartbeat. */
export const heartbeat = async (ctx: AgentContext, input: HeartbeatInput): Promise<HeartbeatResult> => {
  const runId = input.executionName;
  const time = new Date(input.input.scheduledTime ?? input.input.time ?? input.startTime).toISOString();
  const lease = await acquireLease(ctx.table, runId, time, ctx.settings.leaseSeconds);
  if (!lease.acquired) {
    await putRun(ctx.table, { runId, time, status: 'SKIPPED', summary: { heldBy: lease.heldBy } });
    await recordEvent(ctx.table, { id: `run-${runId}-skipped`, projectId: null, runId, type: 'run_skipped', at: time, summary: `Skipped: run ${lease.heldBy} holds the lease` });
    throw new RunLeaseHeld(`run ${lease.heldBy} holds the lease; this run does nothing`);
  }
  await putRun(ctx.table, { runId, time, status: 'RUNNING', leaseVersion: lease.lease.version });
  await putConfigValue(ctx.table, 'heartbeat', { runId, time }, time);
  const projects = await listProjects(ctx.table);
  const lastDay = await getConfigValue<string>(ctx.table, HOUSEKEEPING_DAY_KEY);
  return {
    runId,
    time,
    acquired: true,
    leaseVersion: lease.lease.version,
    projects: projects.length,
    housekeepingDue: isHousekeepingDue(time, lastDay, ctx.settings),
    openWork: await countWork(ctx.table, time),
  };
};
