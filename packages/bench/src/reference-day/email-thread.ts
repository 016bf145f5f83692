import type { Prng } from '../random/prng';
import type { Person } from './cast';
import { firstName, headerDate, letter } from './text-bits';

/** One earlier message of a thread. */
export interface ThreadMessage {
  from: Person;
  to: Person;
  atMs: number;
  body: string;
}

const quoteLines = (text: string): string =>
  text
    .split('\n')
    .map((line) => (line.startsWith('>') ? `>${line}` : `> ${line}`).trimEnd())
    .join('\n');

const attribution = (m: ThreadMessage): string => `On ${headerDate(m.atMs)}, ${m.from.name} <${m.from.email}> wrote:`;

/**
 * The body of a reply as mail clients write it: the new text on top, then the history. Gmail and
 * Apple Mail nest every earlier message under "On ..., X wrote:" with one more ">" per level;
 * Outlook appends each earlier message under a From/Sent/To/Subject header, unquoted. Either way
 * the history repeats everything said before, which a naive design pays for on every reply.
 */
export const replyWithHistory = (rng: Prng, newText: string, subject: string, history: readonly ThreadMessage[]): string => {
  if (history.length === 0) return newText;
  if (rng.chance(0.5)) {
    // Gmail style: each earlier message carried all the older ones, quoted one level deeper.
    let carried = '';
    let previous: ThreadMessage | undefined;
    for (const m of history) {
      carried = previous === undefined ? m.body : `${m.body}\n\n${attribution(previous)}\n${quoteLines(carried)}`;
      previous = m;
    }
    return previous === undefined ? newText : `${newText}\n\n${attribution(previous)}\n${quoteLines(carried)}`;
  }
  const blocks = [...history].reverse().map(
    (m) => `________________________________\nFrom: ${m.from.name} <${m.from.email}>\nSent: ${headerDate(m.atMs)}\nTo: ${m.to.name} <${m.to.email}>\nSubject: RE: ${subject}\n\n${m.body}`,
  );
  return `${newText}\n\n${blocks.join('\n\n')}`;
};

/** Earlier messages of a thread between the given people, oldest first, hours apart before `atMs`. */
export const earlierMessages = (rng: Prng, people: readonly Person[], atMs: number, count: number, lines: readonly string[]): ThreadMessage[] => {
  const messages: ThreadMessage[] = [];
  let t = atMs - count * rng.int(2, 9) * 3_600_000;
  for (let i = 0; i < count; i++) {
    const from = people[i % people.length] ?? rng.pick(people);
    const to = people[(i + 1) % people.length] ?? rng.pick(people);
    const paragraphs = rng.sample(lines, rng.int(1, 3));
    messages.push({ from, to, atMs: t, body: letter(rng, from, paragraphs, to) });
    t += rng.int(1, 5) * 3_600_000;
  }
  return messages;
};

export const replyLine = (rng: Prng, to: Person): string =>
  rng.pick([`Thanks ${firstName(to)}, that helps.`, 'Agreed.', 'Following up on the below.', 'Adding a bit more context.', 'Quick reply from my side.']);
