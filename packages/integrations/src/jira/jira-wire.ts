import * as z from 'zod';

/**
 * The parts of Jira Cloud REST v3 responses we read. Unknown properties are ignored; a missing
 * required one fails with the JSON path, so a changed API is named instead of mis-read.
 */

const user = z
  .object({ accountId: z.string().optional(), displayName: z.string().optional(), emailAddress: z.string().optional() })
  .nullish();
export type WireUser = z.infer<typeof user>;

const named = z.object({ name: z.string() }).nullish();

export const wireCommentSchema = z.object({
  id: z.string(),
  author: user,
  body: z.unknown(),
  created: z.string(),
  properties: z.array(z.object({ key: z.string(), value: z.unknown() })).optional(),
});
export type WireComment = z.infer<typeof wireCommentSchema>;

// `toString` is read by hand: a schema key of that name would see Object.prototype.toString when absent.
const historyItemSchema = z.looseObject({ field: z.string() }).transform((item) => ({
  field: item.field,
  fromString: ownString(item, 'fromString'),
  toString: ownString(item, 'toString'),
}));

const ownString = (record: Record<string, unknown>, key: string): string | null => {
  const value = Object.hasOwn(record, key) ? record[key] : null;
  return typeof value === 'string' ? value : null;
};

export const wireHistorySchema = z.object({
  id: z.string(),
  author: user,
  created: z.string(),
  items: z.array(historyItemSchema),
});
export type WireHistory = z.infer<typeof wireHistorySchema>;

/** Ids become part of table keys (DynamoDB caps a sort key at 1 KB); Jira's are short numbers. */
const issueId = z.string().min(1).max(128);

export const wireIssueSchema = z.object({
  id: issueId,
  key: z.string(),
  fields: z.object({
    summary: z.string().nullish(),
    status: named,
    priority: named,
    assignee: user,
    creator: user,
    reporter: user,
    duedate: z.string().nullish(),
    labels: z.array(z.string()).nullish(),
    description: z.unknown(),
    created: z.string(),
    updated: z.string(),
    comment: z
      .object({ comments: z.array(wireCommentSchema), total: z.number().optional() })
      .nullish(),
  }),
  changelog: z.object({ histories: z.array(wireHistorySchema), total: z.number().optional() }).optional(),
});
export type WireIssue = z.infer<typeof wireIssueSchema>;

export const searchPageSchema = z.object({
  issues: z.array(wireIssueSchema),
  nextPageToken: z.string().nullish(),
});

export const commentPageSchema = z.object({
  comments: z.array(wireCommentSchema),
  startAt: z.number().optional(),
  total: z.number().optional(),
});

export const changelogPageSchema = z.object({
  values: z.array(wireHistorySchema),
  isLast: z.boolean().optional(),
  total: z.number().optional(),
});

export const transitionsSchema = z.object({
  transitions: z.array(z.object({ id: z.string(), name: z.string(), to: z.object({ name: z.string() }) })),
});

export const issueStatusSchema = z.object({ fields: z.object({ status: z.object({ name: z.string() }) }) });

export const myselfSchema = z.object({ accountId: z.string(), displayName: z.string().optional() });

export const createdCommentSchema = z.object({ id: z.string() });
