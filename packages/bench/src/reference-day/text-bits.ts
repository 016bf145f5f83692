import type { Prng } from '../random/prng';
import type { Person } from './cast';

/** Small helpers for believable text: dates as people write them, first names, a few fillers. */

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;
const DAY_MS = 86_400_000;

/** "Friday 6 March" */
export const spokenDate = (ms: number): string => {
  const d = new Date(ms);
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
};

/** "Monday, 2 March 2026 09:14", as Outlook writes it in a quoted header. */
export const headerDate = (ms: number): string => {
  const d = new Date(ms);
  const time = d.toISOString().slice(11, 16);
  return `${WEEKDAYS[d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${time}`;
};

export const daysAfter = (iso: string, days: number): number => Date.parse(iso) + days * DAY_MS;

export const firstName = (person: Person): string => person.name.split(' ')[0] ?? person.name;

export const greeting = (rng: Prng, to?: Person): string =>
  to === undefined ? `${rng.pick(['Hi all', 'Hello everyone', 'Hi team'])},` : `${rng.pick(['Hi', 'Hello', 'Morning'])} ${firstName(to)},`;

export const signOff = (rng: Prng, from: Person): string => `${rng.pick(['Thanks', 'Best', 'Regards', 'Cheers', 'Many thanks'])},\n${firstName(from)}`;

/** A plain-text mail body: greeting, paragraphs, sign-off. */
export const letter = (rng: Prng, from: Person, paragraphs: readonly string[], to?: Person): string =>
  [greeting(rng, to), ...paragraphs, signOff(rng, from)].join('\n\n');

export const percent = (rng: Prng): number => rng.pick([20, 35, 40, 50, 60, 70, 75, 80, 90]);

export const money = (rng: Prng): string => `$${rng.pick([4, 8, 12, 18, 25, 40, 65])},${rng.pick(['000', '500'])}`;
