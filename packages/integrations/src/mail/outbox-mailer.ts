import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Mailer, OutgoingEmail } from './types';

const encodeHeader = (value: string): string =>
  /^[\x20-\x7e]*$/.test(value) ? value : `=?UTF-8?B?${Buffer.from(value, 'utf8').toString('base64')}?=`;

const wrap76 = (base64: string): string => base64.replace(/.{1,76}/g, '$&\r\n').trimEnd();

/** RFC 5322 message with a text and an HTML alternative, as SES would send it. */
export const toEml = (email: OutgoingEmail, messageId: string, date: Date): string => {
  const boundary = `=_agentic-pm_${messageId.slice(0, 16)}`;
  const part = (type: string, content: string): string[] => [
    `--${boundary}`,
    `Content-Type: ${type}; charset=UTF-8`,
    'Content-Transfer-Encoding: base64',
    '',
    wrap76(Buffer.from(content, 'utf8').toString('base64')),
  ];
  return [
    `Message-ID: <${messageId}@outbox.agentic-pm.local>`,
    `Date: ${date.toUTCString()}`,
    `From: ${email.from}`,
    `To: ${email.to.join(', ')}`,
    ...(email.cc && email.cc.length > 0 ? [`Cc: ${email.cc.join(', ')}`] : []),
    `Subject: ${encodeHeader(email.subject)}`,
    'MIME-Version: 1.0',
    `X-Agentic-Pm-Kind: ${email.kind}`,
    `X-Agentic-Pm-Project: ${email.projectId}`,
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    '',
    ...part('text/plain', email.text),
    ...part('text/html', email.html),
    `--${boundary}--`,
    '',
  ].join('\r\n');
};

/**
 * Stands in for SES on one machine: each email is an .eml file. The name comes from the
 * idempotency key, so a resend overwrites instead of duplicating.
 */
export const createOutboxMailer = (options: { dir: string; now?: () => Date }): Mailer => ({
  async send(email: OutgoingEmail) {
    await mkdir(options.dir, { recursive: true });
    const messageId = createHash('sha256').update(email.idempotencyKey).digest('hex').slice(0, 32);
    const date = options.now?.() ?? new Date();
    const name = `${date.toISOString().replace(/[:.]/g, '-')}-${email.kind}-${messageId.slice(0, 12)}.eml`;
    await writeFile(join(options.dir, name), toEml(email, messageId, date), 'utf8');
    return { messageId };
  },
});

export interface OutboxEntry {
  file: string;
  kind: string;
  project: string;
  to: string[];
  subject: string;
}

/** Every .eml in an outbox directory, raw, oldest first; none when the directory does not exist. */
export const readOutboxFiles = async (dir: string): Promise<Array<{ file: string; raw: string }>> => {
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => f.endsWith('.eml')).sort();
  } catch {
    return [];
  }
  return Promise.all(files.map(async (file) => ({ file, raw: await readFile(join(dir, file), 'utf8') })));
};

/** Reads back the headers of every .eml in an outbox directory, oldest first. */
export const listOutbox = async (dir: string): Promise<OutboxEntry[]> =>
  (await readOutboxFiles(dir)).map(({ file, raw }) => {
    const header = (name: string): string => new RegExp(`^${name}: (.*)$`, 'm').exec(raw)?.[1]?.trim() ?? '';
    const subject = header('Subject');
    const encoded = /^=\?UTF-8\?B\?(.*)\?=$/.exec(subject);
    return {
      file,
      kind: header('X-Agentic-Pm-Kind'),
      project: header('X-Agentic-Pm-Project'),
      to: header('To').split(',').map((s) => s.trim()).filter(Boolean),
      subject: encoded?.[1] ? Buffer.from(encoded[1], 'base64').toString('utf8') : subject,
    };
  });
