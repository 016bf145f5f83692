export interface MailMessage {
  id: string;
  internetMessageId: string | null;
  conversationId: string | null;
  receivedAt: string;
  from: string;
  /** The From domain when the receiving server's Authentication-Results show it passed; null when spoofable. */
  authenticatedDomain: string | null;
  fromName: string | null;
  to: string[];
  cc: string[];
  subject: string;
  /** Plain text: HTML converted, quoted replies and signatures cut, size capped. */
  bodyText: string;
  /** From headers or the Graph `inferenceClassification`/auto-reply hints, for the rules pre-filter. */
  isAutoReply: boolean;
  isBulk: boolean;
}

export interface DeltaRound {
  messages: MailMessage[];
  removedIds: string[];
  /** Save this only after the messages are stored. */
  deltaLink: string;
  /** The previous delta link was rejected (410 / syncStateNotFound) and a full resync ran. */
  resynced: boolean;
}

export interface GraphClient {
  /** Follows nextLink to the deltaLink. `deltaLink` null starts a full sync. */
  /** `receivedSince` bounds a full sync (first run, or a resync after 410) so it does not read the whole inbox. */
  deltaRound(mailbox: string, deltaLink: string | null, options?: { receivedSince?: string }): Promise<DeltaRound>;
}

export interface GraphClientConfig {
  /** e.g. https://graph.microsoft.com */
  graphBaseUrl: string;
  /** e.g. https://login.microsoftonline.com */
  authorityBaseUrl: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  pageSize?: number;
  maxAttempts?: number;
  maxRetryDelayMs?: number;
  /** Per-request timeout (headers and body); default 30 s. */
  requestTimeoutMs?: number;
  /** Cap on `bodyText` after quote and signature removal; default 4000. */
  maxBodyChars?: number;
}
