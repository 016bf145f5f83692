import type { StoredMessage } from './mail-store';

/** Properties a `$select` may name; anything else is a 400, as in Graph. */
export const MESSAGE_PROPERTIES = new Set([
  'id', 'subject', 'bodyPreview', 'body', 'from', 'sender', 'toRecipients', 'ccRecipients', 'bccRecipients', 'replyTo',
  'receivedDateTime', 'sentDateTime', 'createdDateTime', 'lastModifiedDateTime', 'internetMessageId', 'conversationId',
  'internetMessageHeaders', 'isRead', 'isDraft', 'importance', 'hasAttachments', 'parentFolderId', 'inferenceClassification',
  'categories', 'changeKey', 'webLink',
]);

/** Graph returns headers only when they are selected. */
const NOT_DEFAULT = new Set(['internetMessageHeaders']);

const graphTime = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

const recipient = (address: string, name?: string): { emailAddress: { name: string; address: string } } => ({
  emailAddress: { name: name ?? address.split('@')[0] ?? address, address },
});

const preview = (text: string): string => text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 255);

export const renderMessage = (message: StoredMessage, select: readonly string[] | null): Record<string, unknown> => {
  const s = message.source;
  const received = graphTime(message.atMs);
  const domain = (s.from.split('@')[1] ?? '').toLowerCase();
  // The sandbox plays the receiving server: unless the scenario states its verdict (a spoofed
  // sender), mail authenticates for its From domain, and that verdict is the topmost header.
  const verdict = Object.keys(s.headers).some((name) => name.toLowerCase() === 'authentication-results')
    ? []
    : [{ name: 'Authentication-Results', value: `sandbox.graph.local; spf=pass smtp.mailfrom=${domain}; dkim=pass header.d=${domain}; dmarc=pass action=none header.from=${domain}` }];
  const headers = [
    ...verdict,
    { name: 'Message-ID', value: message.internetMessageId },
    { name: 'From', value: s.fromName ? `${s.fromName} <${s.from}>` : s.from },
    { name: 'To', value: s.to.join(', ') },
    { name: 'Subject', value: s.subject },
    { name: 'Date', value: new Date(message.atMs).toUTCString() },
    ...Object.entries(s.headers).map(([name, value]) => ({ name, value })),
  ];
  const full: Record<string, unknown> = {
    id: message.id,
    createdDateTime: received,
    lastModifiedDateTime: received,
    changeKey: message.id.slice(-8),
    categories: [],
    receivedDateTime: received,
    sentDateTime: received,
    hasAttachments: false,
    internetMessageId: message.internetMessageId,
    subject: s.subject,
    bodyPreview: preview(s.body),
    importance: 'normal',
    parentFolderId: 'inbox',
    conversationId: message.conversationId,
    isRead: false,
    isDraft: false,
    webLink: `https://outlook.office365.com/owa/?ItemID=${encodeURIComponent(message.id)}`,
    inferenceClassification: 'focused',
    body: { contentType: s.html ? 'html' : 'text', content: s.body },
    sender: recipient(s.from, s.fromName),
    from: recipient(s.from, s.fromName),
    toRecipients: s.to.map((a) => recipient(a)),
    ccRecipients: s.cc.map((a) => recipient(a)),
    bccRecipients: [],
    replyTo: [],
    internetMessageHeaders: headers,
  };
  const wanted = select === null ? Object.keys(full).filter((k) => !NOT_DEFAULT.has(k)) : ['id', ...select];
  return Object.fromEntries(
    [['@odata.type', '#microsoft.graph.message'], ...wanted.filter((k) => k in full).map((k) => [k, full[k]])],
  );
};
