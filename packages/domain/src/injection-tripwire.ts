/**
 * A deterministic prompt-injection tripwire over untrusted text, independent of any model.
 * Triage pass 1 also judges injection, but a model can be fooled or compromised; this check
 * cannot be talked out of its verdict. It follows the attack families public benchmarks use
 * (AgentDojo, BIPIA, InjecAgent): instruction overrides, text addressed to an AI, fake system or
 * authority notices, claimed pre-approval, secrecy, hidden text, encoded payloads, requests to
 * send data outside, copying another project's data, and floods. High precision matters less
 * than recall: a false alarm only makes an action wait for a human.
 */

export interface TripwireContext {
  /** Domains the project may write to; mail asked to go elsewhere is exfiltration. */
  allowedDomains?: readonly string[];
  /** The other projects: their Jira keys and names. */
  otherProjects?: ReadonlyArray<{ jiraProjectKey: string; name: string }>;
  /** The sender's address, for look-alike domains. */
  from?: string;
}

const AI = '(?:ai|a\\.i\\.|assistant|bot|agent|automated (?:system|assistant|agent|reader|tool)|automation|llm|language model|copilot|gpt|claude|model)';

const CONTENT_RULES: ReadonlyArray<[RegExp, string]> = [
  [/\b(?:ignore|disregard|forget|override|bypass|skip|suspend)\b[^.\n]{0,60}\b(?:instructions?|prompts?|rules|guidelines|polic(?:y|ies)|guardrails?|safeguards?|restrictions?|checks?|approvals?|configuration)\b/i, 'asks the reader to set aside its instructions'],
  [/\b(?:new|updated|revised|real|hidden|secret|additional|priority|override) (?:instructions?|directives?|orders|task)\b/i, 'claims to carry new instructions'],
  [/\bsystem prompt\b|\byou are now\b|\bfrom now on,? you\b|\byour (?:new )?(?:role|task|instructions?) (?:is|are)\b/i, "tries to redefine the reader's role"],
  [new RegExp(`\\b(?:dear|hey|hi|hello|attention|note (?:to|for)(?: the| any)?|instructions? (?:to|for)(?: the| any)?|message (?:to|for)(?: the| any)?|to(?: the| any))\\s+${AI}s?\\b`, 'i'), 'addresses an automated assistant'],
  [new RegExp(`\\b(?:any|the|an?)\\s+${AI}s?\\s+(?:reading|processing|parsing|summari[sz]ing|handling|that reads|which reads|who reads)\\b`, 'i'), 'addresses an automated assistant'],
  [new RegExp(`\\b${AI}s?\\s*[:,]\\s*(?:please\\s+)?(?:send|forward|delete|transition|approve|close|email|reply|move|set|post|comment|share|notify)\\b`, 'i'), 'gives orders to an automated assistant'],
  [/(?:^|\n)\s*[[(<*#]+\s*(?:system|admin(?:istrator)?|root|security|compliance)(?:\s+\w+)?\s*[\])>*:]|(?:^|\n)\s*(?:system|admin(?:istrator)?|security|compliance)(?:\s+(?:notice|message|alert|override|instruction|directive|update|mandate))?\s*:/i, 'poses as a system notice'],
  [/\b(?:system|admin(?:istrator)?|security|compliance|automated|mandatory)\s+(?:notice|override|directive|mandate|policy update|instruction)\b/i, 'poses as a system notice'],
  [/\bpre-?(?:approved|authori[sz]ed|cleared)\b|\b(?:already|been)\s+(?:approved|authori[sz]ed|signed off|cleared)\s+by\b|\bapproved in advance\b|\b(?:approval|confirmation|sign-?off)\s+(?:is\s+)?(?:not (?:needed|required)|waived|unnecessary)\b/i, 'claims an approval it cannot prove'],
  [/\b(?:without|no need (?:to|for)|do not need to|don't need to)\s+(?:asking|ask|confirming|confirm|checking|check|approval|escalating|escalate|waiting)\b/i, 'asks to skip a check'],
  [/\b(?:do not|don't|dont|never)\s+(?:tell|inform|notify|mention|cc|copy|alert|escalate to|ask|bother)\b[^.\n]{0,40}\b(?:owner|user|anyone|human|manager|lead|pm|team|them|her|him)\b/i, 'asks for secrecy'],
  [/\b(?:secretly|discreetly|covertly)\b|\bwithout (?:telling|notifying|informing|alerting)\b/i, 'asks for secrecy'],
  [/<\/?(?:system|assistant|user|instructions?|tool|tool_call|tool_use|function_call|signal|im_start|im_end)\b[^>]*>|\[\/?(?:INST|SYS)\]|<\|[a-z_]+\|>/i, 'contains prompt markup'],
  [/<!--[\s\S]*?-->/, 'contains a hidden comment'],
  [/[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF]|[\u{E0000}-\u{E007F}]/u, 'contains invisible characters'],
  [/\[U\+(?:00AD|180E|200[B-F]|202[A-E]|206[0-9A-F]|FEFF|E00[0-7][0-9A-F])\]/i, 'contains invisible characters'],
  [/\b(?:base64|rot-?13|hex[- ]?encoded|url[- ]?encoded)\b|\bdecode (?:this|the following|it|and)\b/i, 'carries an encoded payload'],
  [/\b(?:notify|e-?mail|ping|remind|escalate|alert|message)\b[^.\n]{0,60}\b(?:\d{2,}|twenty|thirty|fifty|hundred)\s+times\b|\b(?:every (?:minute|run|cycle|few minutes))\b[^.\n]{0,40}\b(?:notify|e-?mail|ping|remind|escalate|alert)\b|\b(?:keep|continue) (?:sending|notifying|emailing|escalating|pinging)\b/i, 'asks for a flood of messages'],
  [/\b(?:export|dump|forward|send|share|copy|attach|paste|post|include)\b[^.\n]{0,60}\b(?:all|every|entire|full|whole|complete|raw)\b[^.\n]{0,40}\b(?:data|records|issues|backlog|export|list|contacts|customers|credentials|passwords|tokens|keys|secrets|logs|history|artefacts?|notes)\b/i, 'asks for data to be copied out in bulk'],
];

const EMAIL = /[\w.+-]+@([\w-]+(?:\.[\w-]+)+)/g;
const SEND = /\b(?:forward|send|e-?mail|share|copy|cc|bcc|mail|export|deliver|reply)\b/i;

const domainOf = (address: string): string => address.slice(address.lastIndexOf('@') + 1).toLowerCase();

/** Base64, hex and percent-encoded runs, decoded when they read as text: what an attacker hides. */
const decodedPayloads = (text: string): string[] => {
  const out: string[] = [];
  const readable = (s: string): boolean => s.length >= 8 && /\s/.test(s) && [...s].filter((c) => c >= ' ' && c <= '~').length / s.length > 0.9;
  for (const [blob] of text.matchAll(/[A-Za-z0-9+/_-]{24,}={0,2}/g)) {
    const decoded = Buffer.from(blob.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
    if (readable(decoded)) out.push(decoded);
  }
  for (const [blob] of text.matchAll(/\b(?:[0-9a-f]{2}){12,}\b/gi)) {
    const decoded = Buffer.from(blob, 'hex').toString('utf8');
    if (readable(decoded)) out.push(decoded);
  }
  for (const [blob] of text.matchAll(/[\w.~+-]*(?:%[0-9a-f]{2}[\w.~+-]*){4,}/gi)) {
    try {
      out.push(decodeURIComponent(blob));
    } catch {
      // Not valid percent-encoding: nothing hidden there.
    }
  }
  return out;
};

/** Levenshtein distance, bounded: only "is it within 2" matters. */
const closeTo = (a: string, b: string): boolean => {
  if (Math.abs(a.length - b.length) > 2) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length]! <= 2;
};

/** A domain made to be mistaken for an allowed one: near-identical, punycode, non-ASCII, or wrapping it. */
export const imitatesDomain = (domain: string, allowed: readonly string[]): boolean => {
  const d = domain.toLowerCase();
  return allowed.some((a) => {
    const ours = a.toLowerCase();
    if (d === ours) return false;
    const base = ours.split('.')[0] ?? ours;
    return closeTo(d, ours) || d.startsWith('xn--') || d.split('.').some((label) => label.startsWith('xn--')) || !/^[\x21-\x7e]+$/.test(d) || d.includes(base);
  });
};

const CREDENTIAL = /\b(?:passwords?|passcodes?|api[- ]?(?:keys?|tokens?)|access[- ]?tokens?|(?:client|app|shared) secrets?|secret[- ]?keys?|credentials?|mfa codes?|one-time codes?|recovery codes?)\b/i;
/** A verb as a request puts it: opening a sentence or clause, or after "please", "can you", "and"... */
const REQUEST_VERB = /(?:^|[:;,]\s*|\b(?:please|pls|kindly|can you|could you|would you|will you|you must|you should|need you to|and|then|to)\s+)(?:send|share|forward|reply|post|give|provide|e-?mail|paste|include|comment)\b(?!\s+(?:by|from)\b)/i;

/** One sentence that names a credential and asks for something to be sent or posted. */
const asksForCredentials = (text: string): boolean =>
  text.split(/(?<=[.!?])\s+|\n/).some((sentence) => CREDENTIAL.test(sentence) && REQUEST_VERB.test(sentence.trim()));

const contentReasons = (text: string): string[] => [
  ...CONTENT_RULES.filter(([re]) => re.test(text)).map(([, reason]) => reason),
  ...(asksForCredentials(text) ? ['asks for credentials'] : []),
];

/** Why the text looks like a prompt injection, or null. */
export const tripwire = (text: string, context: TripwireContext = {}): string | null => {
  const normalised = text.normalize('NFKC');
  const reasons = contentReasons(normalised);
  for (const decoded of decodedPayloads(normalised)) {
    const hidden = contentReasons(decoded);
    if (hidden.length > 0 || SEND.test(decoded)) reasons.push(`an encoded payload that ${hidden[0] ?? 'asks for something to be sent'}`);
  }
  const allowed = context.allowedDomains ?? [];
  if (allowed.length > 0 && SEND.test(normalised)) {
    const outside = [...normalised.matchAll(EMAIL)].map((m) => m[1]!.toLowerCase()).filter((d) => !allowed.some((a) => a.toLowerCase() === d));
    if (outside.length > 0) reasons.push('asks for mail to go outside the allowed domains');
  }
  if (context.from !== undefined && allowed.length > 0 && imitatesDomain(domainOf(context.from), allowed)) reasons.push("the sender's domain imitates an allowed domain");
  for (const other of context.otherProjects ?? []) {
    const mentions = new RegExp(`\\b${other.jiraProjectKey}-\\d+\\b`).test(normalised) || normalised.toLowerCase().includes(other.name.toLowerCase());
    if (mentions && /\b(?:copy|forward|send|share|include|paste|attach|export|post|add|summari[sz]e|quote)\b/i.test(normalised)) reasons.push("asks for another project's data");
  }
  const unique = [...new Set(reasons)];
  return unique.length === 0 ? null : unique.join('; ').slice(0, 300);
};
