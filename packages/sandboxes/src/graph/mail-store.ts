import { createHash } from 'node:crypto';
import type { Scenario, ScenarioMessage } from '@agentic-pm/scenario';

export interface StoredMessage {
  /** Stable across runs: derived from the mailbox and the message's place in the scenario. */
  id: string;
  mailbox: string;
  atMs: number;
  /** Position in scenario.mail.messages; breaks ties between messages at the same instant. */
  index: number;
  internetMessageId: string;
  conversationId: string;
  source: ScenarioMessage;
}

interface Removal {
  seq: number;
  message: StoredMessage;
}

const hash = (text: string): string => createHash('sha256').update(text).digest('base64url');

/** Replies and forwards share a conversation with the message they answer. */
const threadSubject = (subject: string): string => subject.replace(/^\s*((re|fw|fwd|aw|wg)\s*:\s*)+/i, '').trim().toLowerCase();

const byTime = (a: StoredMessage, b: StoredMessage): number => a.atMs - b.atMs || a.index - b.index;

/** The scenario's mail, per mailbox, plus removals the test makes. */
export class MailStore {
  readonly #byMailbox = new Map<string, StoredMessage[]>();
  readonly #byId = new Map<string, StoredMessage>();
  readonly #removals: Removal[] = [];
  readonly #fingerprints = new Map<string, string>();

  constructor(scenario: Scenario) {
    for (const mailbox of scenario.projects.map((p) => p.mailbox.toLowerCase())) this.#byMailbox.set(mailbox, []);
    scenario.mail.messages.forEach((source, index) => {
      const mailbox = source.mailbox.toLowerCase();
      const message: StoredMessage = {
        id: `AAMk${Buffer.from(`${mailbox}#${index}`).toString('base64url')}`,
        mailbox,
        atMs: Date.parse(source.at),
        index,
        internetMessageId: `<${hash(`${mailbox}#${index}`).slice(0, 20)}@${source.from.split('@')[1] ?? 'sandbox.test'}>`,
        conversationId: `AAQk${hash(`${mailbox}|${threadSubject(source.subject)}`).slice(0, 24)}`,
        source,
      };
      this.#byMailbox.get(mailbox)?.push(message);
      this.#byId.set(message.id, message);
    });
    for (const [mailbox, messages] of this.#byMailbox) {
      messages.sort(byTime);
      // A delta token from a different scenario must not be accepted.
      this.#fingerprints.set(mailbox, hash(messages.map((m) => `${m.id}@${m.atMs}`).join(',')).slice(0, 16));
    }
  }

  hasMailbox(mailbox: string): boolean {
    return this.#byMailbox.has(mailbox.toLowerCase());
  }

  fingerprint(mailbox: string): string {
    return this.#fingerprints.get(mailbox.toLowerCase()) ?? '';
  }

  /** Number of removals so far: a position in the removal history. */
  get removalSeq(): number {
    return this.#removals.length;
  }

  /** Marks a message deleted; later delta rounds report it as `@removed`. */
  remove(id: string): void {
    const message = this.#byId.get(id);
    if (!message) throw new Error(`no sandbox message has id "${id}"`);
    if (this.#removals.some((r) => r.message.id === id)) throw new Error(`message "${id}" is already removed`);
    this.#removals.push({ seq: this.#removals.length + 1, message });
  }

  #removedBy(seq: number): Set<string> {
    return new Set(this.#removals.filter((r) => r.seq <= seq).map((r) => r.message.id));
  }

  /** Messages received in (afterMs, untilMs], not removed as of removal `asOfRemoval`, in receive order. */
  received(mailbox: string, afterMs: number | null, untilMs: number, asOfRemoval: number): StoredMessage[] {
    const removed = this.#removedBy(asOfRemoval);
    return (this.#byMailbox.get(mailbox.toLowerCase()) ?? []).filter(
      (m) => (afterMs === null || m.atMs > afterMs) && m.atMs <= untilMs && !removed.has(m.id),
    );
  }

  /** Ids removed in removals (fromSeq, toSeq] among messages received by `deliveredUntilMs`. */
  removedBetween(mailbox: string, fromSeq: number, toSeq: number, deliveredUntilMs: number): string[] {
    return this.#removals
      .filter((r) => r.seq > fromSeq && r.seq <= toSeq && r.message.mailbox === mailbox.toLowerCase() && r.message.atMs <= deliveredUntilMs)
      .map((r) => r.message.id);
  }
}
