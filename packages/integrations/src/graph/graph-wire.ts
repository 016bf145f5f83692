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

/** Message ids become part of table keys (DynamoDB caps a sort key at 1 KB); Graph's run to about 150 characters. */
const messageId = z.string().min(1).max(512);

/** A link Graph hands out to follow or to store; it must at least parse as a URL. */
const link = z.string().refine((value) => URL.canParse(value, 'http://relative.invalid'), 'must be a URL');

export const wireMessageSchema = z.object({
  id: messageId,
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

export const removedItemSchema = z.object({ id: messageId, '@removed': z.object({ reason: z.string().optional() }) });

export const deltaPageSchema = z.object({
  value: z.array(z.unknown()),
  '@odata.nextLink': link.optional(),
  '@odata.deltaLink': link.optional(),
});
