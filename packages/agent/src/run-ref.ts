import * as z from 'zod';

/** What Heartbeat tells every later state about the run. Ids and counts only. */
export const runRefSchema = z.object({
  runId: z.string().min(1),
  time: z.iso.datetime({ offset: true }),
  acquired: z.literal(true),
  leaseVersion: z.number().int().positive(),
  projects: z.number().int().nonnegative(),
  housekeepingDue: z.boolean(),
  /** Work a previous run left in flight; non-zero sends this run through the pipeline even without changes. */
  openWork: z.number().int().nonnegative(),
});
export type RunRef = z.infer<typeof runRefSchema>;

export const stepInputSchema = z.object({ run: runRefSchema });
export type StepInput = z.infer<typeof stepInputSchema>;
