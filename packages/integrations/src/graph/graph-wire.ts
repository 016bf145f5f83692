import * as z from 'zod';

/** The message properties the client selects; each is optional in Graph's own schema. */
export const MESSAGE_SELECT = [
  'id', 'internetMessageId', 'conversationId', 'receivedDateTime', 'subject',
  'from', 'sender', 'toRecipients', 'ccRecipients', 'body', 'internetMessageHeaders',
] as const;

const recipient = z.object({
  emailAddress: z.object({ address: z.string().nullish(), name: z.string().nullish() }).nullish(),
});
export type WireRecipient = z.infer<typeof recipient>;

export const wireMessageSchema = z.object({
  id: z.string(),
  internetMessageId: z.string().nullish(),
  conversationId: z.string().nullish(),
  receivedDateTime: z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'must be an ISO 8601 date-time'),
  subject: z.string().nullish(),
  from: recipient.nullish(),
  sender: recipient.nullish(),
  toRecipients: z.array(recipient).nullish(),
  ccRecipients: z.array(recipient).nullish(),
  body: z.object({ contentType: z.string(), content: z.string().nullish() }).nullish(),
  internetMessageHeaders: z.array(z.object({ name: z.string(), value: z.string().nullish() })).nullish(),
});
export type WireMessage = z.infer<typeof wireMessageSchema>;

export const removedItemSchema = z.object({ id: z.string(), '@removed': z.object({ reason: z.string().optional() }) });

export const deltaPageSchema = z.object({
  value: z.array(z.unknown()),
  '@odata.nextLink': z.string().optional(),
  '@odata.deltaLink': z.string().optional(),
});
