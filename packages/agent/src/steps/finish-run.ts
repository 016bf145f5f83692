import * as z from 'zod';
import { finishRunRecord, recordEvent, releaseLease } from '@agentic-pm/storage';
import type { AgentContext } from '../context';

export const finishRunInputSchema = z.object({
  executionName: z.string().min(1),
  outcome: z.enum(['SUCCEEDED', 'FAILED']),
  /** The whole (small) state: the run ref, every step's counts, and `error` on the failure path. */
  state: z
    .object({
      run: z.object({ runId: z.string(), time: z.string(), acquired: z.boolean().optional() }).passthrough().optional(),
      error: z.object({ Error: z.string(), Cause: z.unknown().optional() }).optional(),
    })
    .passthrough(),
});
export type FinishRunInput = z.infer<typeof finishRunInputSchema>;

const COUNT_KEYS = ['poll', 'signals', 'triage', 'reasoning', 'execution', 'artefacts', 'holdQueue', 'housekeeping'] as const;

/** Causes can carry stack traces and payload fragments: keep a bounded first line. */
const shortCause = (cause: unknown): string => {
  const text = typeof cause === 'string' ? cause : JSON.stringify(cause ?? '');
  try {
    const parsed = JSON.parse(text) as { errorMessage?: string };
    if (parsed.errorMessage) return parsed.errorMessage.slice(0, 500);
  } catch {
    // Not JSON: use as is.
  }
  return (text.split('\n')[0] ?? '').slice(0, 500);
};

/** Final step on both paths: record the outcome and release the lease so the next run starts clean. */
export const finishRun = async (ctx: AgentContext, input: FinishRunInput): Promise<Record<string, unknown>> => {
  const runId = input.state.run?.runId ?? input.executionName;
  const time = input.state.run?.time ?? new Date().toISOString();
  const summary = Object.fromEntries(COUNT_KEYS.filter((k) => k in input.state).map((k) => [k, input.state[k]]));
  const error = input.state.error ? { error: input.state.error.Error, cause: shortCause(input.state.error.Cause) } : undefined;
  await finishRunRecord(ctx.table, runId, { status: input.outcome, summary, finishedAt: new Date().toISOString(), ...(error ? { error } : {}) });
  await recordEvent(ctx.table, {
    id: `run-${runId}-${input.outcome}`, projectId: null, runId, type: input.outcome === 'FAILED' ? 'run_failed' : 'run_succeeded', at: time,
    summary: error ? `Run failed: ${error.error}: ${error.cause}` : 'Run succeeded',
    ...(error ? { detail: error } : {}),
  });
  const released = await releaseLease(ctx.table, runId);
  return { outcome: input.outcome, runId, leaseReleased: released, ...summary };
};
