import { tripwire } from '@agentic-pm/domain';

/**
 * Deterministic reading of everyday project mail and Jira text: the offline brain's whole
 * "understanding". Regular expressions, tuned for plain English, bounded to the schema limits.
 */

/** Cuts at a word boundary and marks the cut; the result is at most `max` characters. */
export const clip = (text: string, max: number): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  return `${cut.replace(/\s+\S*$/, '') || cut}…`;
};

const unique = (values: Iterable<string>, max: number, maxLength: number): string[] =>
  [...new Set([...values].map((v) => clip(v, maxLength)).filter((v) => v.length > 0))].slice(0, max);

const GREETING = /^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening))\b[^,!.:]{0,40}[,!:.]\s*/i;
const SIGN_OFF = /^(?:thanks|thank you|many thanks|best|regards|kind regards|best regards|cheers|br)\b/i;

/** Sentences of a text, without greetings and sign-offs. */
export const sentences = (text: string): string[] =>
  text
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?])\s+(?=["'(\[]?[A-Z0-9])/)
    .map((s, i) => (i === 0 ? s.replace(GREETING, '') : s).trim())
    .map((s) => s.charAt(0).toUpperCase() + s.slice(1))
    .filter((s) => s.length > 0 && !(SIGN_OFF.test(s) && s.length < 60));

// --- prompt injection -------------------------------------------------------------------------

/** Patterns that try to steer an automated reader, each with the neutral reason reported. */
const INJECTION_PATTERNS: ReadonlyArray<[RegExp, string]> = [
  [/\b(?:ignore|disregard|forget|override)\b[^.]{0,40}\b(?:instructions?|prompts?|rules|guidelines|directions)\b/i, 'asks the reader to ignore its instructions'],
  [/\bdisregard (?:all|any|the|previous|prior|above|your)\b/i, 'asks the reader to disregard its instructions'],
  [/\bsystem prompt\b/i, 'refers to a system prompt'],
  [/\byou are now\b/i, "tries to redefine the reader's role"],
  [/\bas an (?:ai|assistant|language model)\b/i, 'addresses an AI'],
  [/\b(?:dear|hey|hi|attention|note to(?: the)?)\s+(?:ai|assistant|bot|agent|automated (?:system|assistant)|llm|language model|claude)\b/i, 'addresses an automated assistant'],
  [/\b(?:ai|assistant|agent|bot)\s*[:,]\s*(?:please\s+)?(?:send|forward|delete|transition|approve|close|email|reply)\b/i, 'gives orders to an automated assistant'],
  [/\b(?:new|updated|real|hidden|secret) instructions?\b/i, 'claims to carry new instructions'],
  [/<\/?(?:system|assistant|user|instructions?|tool|signal)\b[^>]*>/i, 'contains prompt markup'],
  [/<!--[\s\S]*?-->/, 'contains a hidden comment'],
  [/\[U\+(?:00AD|180E|200[B-F]|202[A-E]|206[0-9]|FEFF|E00[0-7][0-9A-F])\]/i, 'contains invisible characters'],
  [/\bdo not (?:tell|inform|notify|mention|copy)\b[^.]{0,30}\b(?:owner|user|anyone|human|manager|lead)\b/i, 'asks for secrecy'],
  // Moving what one issue holds into mail or another place is how data crosses projects.
  [/\b(?:[Cc]opy|[Pp]aste|[Ff]orward|[Ii]nclude|[Aa]dd|[Qq]uote)\b[^.]{0,80}\b[A-Z][A-Z0-9]{1,9}-\d+\b[^.]{0,80}\b(?:into|to|in|on)\b[^.]{0,40}(?:e-?mail|mail|comment|ticket|issue|@)/, 'asks to copy one issue\'s data somewhere else'],
];

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

/** Mail from outside the organisation that asks for something to be sent to an address. */
const EXFILTRATION = /\b(?:forward|send|e-?mail|share|copy)\b[^.?!]{0,120}?\b(?:to|at)\s+[\w.+-]+@[\w-]+(?:\.[\w-]+)+/i;

export const injectionReason = (sentence: string): string | undefined => INJECTION_PATTERNS.find(([re]) => re.test(sentence))?.[1];

export interface InjectionVerdict {
  suspected: boolean;
  reason?: string;
  /** Sentences that steer the reader; kept out of the summary and the requests. */
  steering: ReadonlySet<string>;
}

export const detectInjection = (text: string, parts: readonly string[], external: boolean): InjectionVerdict => {
  // The product's own tripwire rules (claimed approvals, fake notices, encoded payloads, floods,
  // credential requests) are part of what a careful reader notices too.
  const steering = new Set(parts.filter((s) => injectionReason(s) !== undefined || tripwire(s) !== null));
  const reasons = [
    // Some patterns (comments, markup) can span sentences, so the whole text is checked too.
    ...new Set([...parts, text].flatMap((s) => INJECTION_PATTERNS.filter(([re]) => re.test(s)).map(([, reason]) => reason))),
  ];
  const rules = tripwire(text);
  if (rules !== null) reasons.push(...rules.split('; ').filter((r) => !reasons.includes(r)));
  if (external && EXFILTRATION.test(text)) reasons.push('an external sender asks for information to be sent to an email address');
  return reasons.length === 0 ? { suspected: false, steering } : { suspected: true, reason: clip(reasons.join('; '), 300), steering };
};

// --- requests ---------------------------------------------------------------------------------

const ASK = /\b(?:please|pls|kindly|can you|could you|would you|will you|can we|could we|need you to|we need|i need|let me know|asap)\b/i;
const IMPERATIVE = /^(?:send|email|e-mail|forward|approve|review|confirm|share|sign|update|schedule|book|reply|provide|prepare|decide|choose)\b/i;
const DECISION_QUESTION = /^(?:should|shall|do|can) we\b.*\?$/i;

export const requestsIn = (parts: readonly string[], steering: ReadonlySet<string>): string[] =>
  unique(parts.filter((s) => !steering.has(s) && (ASK.test(s) || IMPERATIVE.test(s) || DECISION_QUESTION.test(s))), 3, 160);

// --- entities ---------------------------------------------------------------------------------

const ISSUE_KEY = /\b[A-Z][A-Z0-9]{1,9}-\d{1,6}\b/g;
const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const DATE_PATTERNS: readonly RegExp[] = [
  /\b\d{4}-\d{2}-\d{2}\b/g,
  new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)? ${MONTH}(?: \\d{4})?\\b`, 'g'),
  new RegExp(`\\b${MONTH} \\d{1,2}(?:st|nd|rd|th)?(?:,? \\d{4})?\\b`, 'g'),
  /\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/g,
  /\b(?:next |this )?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b/g,
  /\b(?:end of (?:the )?(?:day|week|month|quarter|sprint)|next (?:week|month|sprint)|tomorrow|EOD|Q[1-4](?: \d{4})?)\b/gi,
];
const AMOUNT = /(?:[$€£]\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:k|m|bn|million|thousand|billion)\b)?|\b\d[\d,]*(?:\.\d+)?\s?(?:USD|EUR|GBP|dollars|euros|pounds)\b)/gi;
const SIGNED = /^(?:thanks|regards|cheers|best|kind regards|best regards)[,!]?\s+([A-Z][a-z]+(?: [A-Z][a-z]+)?)\.?$/i;

const displayName = (from: string): string => {
  const named = /^\s*"?([^"<]+?)"?\s*<[^>]+>\s*$/.exec(from);
  return (named?.[1] ?? from).trim();
};

export interface Entities {
  issueKeys: string[];
  dates: string[];
  people: string[];
  amounts: string[];
}

export const entitiesIn = (text: string, from: string | undefined, issueKey: string | undefined): Entities => {
  const tail = text.replace(/\s+/g, ' ').split(/(?<=[.!?])\s+/).slice(-2);
  const sender = from === undefined ? undefined : displayName(from);
  // The sign-off name ("Thanks, Dana") adds a person only when the sender line did not name them.
  const signer = tail.map((s) => SIGNED.exec(s.trim())?.[1]).find((name) => name !== undefined && !sender?.toLowerCase().includes(name.toLowerCase()));
  return {
    issueKeys: unique([...(issueKey === undefined ? [] : [issueKey]), ...(text.match(ISSUE_KEY) ?? [])], 20, 32),
    dates: unique(DATE_PATTERNS.flatMap((re) => text.match(re) ?? []), 20, 40),
    people: unique([...(sender === undefined ? [] : [sender]), ...(signer === undefined ? [] : [signer]), ...(text.match(EMAIL) ?? [])], 20, 80),
    amounts: unique((text.match(AMOUNT) ?? []).map((a) => a.trim()), 20, 40),
  };
};

export const emailsIn = (text: string): string[] => [...new Set(text.match(EMAIL) ?? [])];

// --- summary ----------------------------------------------------------------------------------

/** The title and the first sentence or two, bounded: what a reader would skim. */
export const summarise = (title: string, parts: readonly string[], steering: ReadonlySet<string>, max = 200): string => {
  const kept = parts.filter((s) => !steering.has(s));
  const lead: string[] = [];
  for (const s of kept) {
    if (lead.length === 2 || lead.join(' ').length >= 100) break;
    lead.push(s);
  }
  const body = lead.join(' ');
  const head = clip(title, 120);
  if (head.length === 0) return clip(body || 'Message with no readable content.', max);
  if (body.length === 0 || body.toLowerCase().startsWith(head.toLowerCase())) return clip(body || head, max);
  return clip(`${head}: ${body}`, max);
};
