import type { MailMessage } from './types';
import type { WireMessage, WireRecipient } from './graph-wire';
import { mailBodyText } from './mail-body';
import { headerMap, isAutoReply, isBulk } from './mail-flags';
import { authenticatedFromDomain } from './mail-authentication';

const addressOf = (recipient: WireRecipient | null | undefined): string | null => recipient?.emailAddress?.address?.trim() || null;

const addresses = (recipients: WireRecipient[] | null | undefined): string[] =>
  (recipients ?? []).map(addressOf).filter((a): a is string => a !== null);

export const toMailMessage = async (wire: WireMessage, maxBodyChars: number): Promise<MailMessage> => {
  const subject = wire.subject ?? '';
  const headers = headerMap(wire.internetMessageHeaders);
  const sender = wire.from ?? wire.sender;
  const from = addressOf(sender) ?? '';
  return {
    id: wire.id,
    internetMessageId: wire.internetMessageId ?? null,
    conversationId: wire.conversationId ?? null,
    receivedAt: new Date(wire.receivedDateTime).toISOString(),
    from,
    authenticatedDomain: authenticatedFromDomain(wire.internetMessageHeaders, from),
    fromName: sender?.emailAddress?.name?.trim() || null,
    to: addresses(wire.toRecipients),
    cc: addresses(wire.ccRecipients),
    subject,
    bodyText: await mailBodyText(wire.body, maxBodyChars),
    isAutoReply: isAutoReply(headers, subject),
    isBulk: isBulk(headers),
  };
};
