export type EmailKind = 'escalation' | 'digest' | 'action';

export interface OutgoingEmail {
  from: string;
  to: string[];
  cc?: string[];
  subject: string;
  text: string;
  html: string;
  kind: EmailKind;
  projectId: string;
  /** Stable per logical email; the SES path passes it as a tag, the outbox uses it as the file name. */
  idempotencyKey: string;
}

export interface Mailer {
  send(email: OutgoingEmail): Promise<{ messageId: string }>;
}
