import * as z from 'zod';

/**
 * Delta and skip tokens are opaque to clients. They carry the sync position: which messages were
 * delivered (received up to `deliveredMs`, removals up to `removalSeq`) and, within a round, where
 * the next page starts. The first request's `$select` rides along, as Graph's tokens do.
 */

const position = {
  mailbox: z.string(),
  fingerprint: z.string(),
  select: z.array(z.string()).nullable(),
  /** The first request's `$filter=receivedDateTime ge|gt`, as a bound (null: none). */
  receivedAfterMs: z.number().nullable().default(null),
  receivedInclusive: z.boolean().default(true),
};

export const deltaStateSchema = z.object({
  kind: z.literal('delta'),
  ...position,
  deliveredMs: z.number(),
  removalSeq: z.number().int(),
});
export type DeltaState = z.infer<typeof deltaStateSchema>;

export const skipStateSchema = z.object({
  kind: z.literal('skip'),
  ...position,
  /** What the previous round delivered (null: a full sync). */
  fromMs: z.number().nullable(),
  fromRemovalSeq: z.number().int(),
  /** The round's snapshot: messages and removals up to here, fixed at its first request. */
  untilMs: z.number(),
  untilRemovalSeq: z.number().int(),
  offset: z.number().int().nonnegative(),
});
export type SkipState = z.infer<typeof skipStateSchema>;

export const encodeToken = (state: DeltaState | SkipState): string => Buffer.from(JSON.stringify(state)).toString('base64url');

export const decodeToken = <S extends z.ZodType>(schema: S, token: string): z.infer<S> | null => {
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(token, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
};
