/**
 * Cuts what a reply repeats: the quoted earlier message and the sender's signature. The agent
 * should read what is new in a mail, and quoted history would be triaged again with every reply.
 */

const isOnWroteStart = (line: string, next: string | undefined): boolean => {
  if (!/^On\s/.test(line)) return false;
  // Gmail and Apple Mail wrap long attributions onto a second line ending in "wrote:".
  return /wrote:\s*$/.test(line) || (next !== undefined && /wrote:\s*$/.test(next) && line.length + next.length < 400);
};

const isOriginalMessage = (line: string): boolean => /^-{2,}\s*Original Message\s*-{2,}\s*$/i.test(line);

/** Outlook's reply header: "From: ..." followed within a few lines by "Sent: ..." or "Date: ...". */
const isOutlookHeader = (lines: string[], i: number): boolean =>
  /^\*?From:\*?\s/.test(lines[i] ?? '') && lines.slice(i + 1, i + 5).some((l) => /^\*?(Sent|Date):\*?\s/.test(l.trim()));

const isSeparatorBeforeHeader = (lines: string[], i: number): boolean => {
  if (!/^_{8,}\s*$/.test(lines[i] ?? '')) return false;
  const next = lines.slice(i + 1).findIndex((l) => l.trim() !== '');
  return next >= 0 && isOutlookHeader(lines, i + 1 + next);
};

/** Index of the first line of a quoted earlier message, or -1. */
const quoteStart = (lines: string[]): number =>
  lines.findIndex((raw, i) => {
    const line = raw.trim();
    return isOnWroteStart(line, lines[i + 1]?.trim()) || isOriginalMessage(line) || isOutlookHeader(lines.map((l) => l.trim()), i) || isSeparatorBeforeHeader(lines, i);
  });

const SIGN_OFF_TAIL = /^(Sent from my \w+|Get Outlook for \w+)/i;

export const stripQuotesAndSignature = (text: string): string => {
  let lines = text.split('\n');
  const start = quoteStart(lines);
  if (start >= 0) lines = lines.slice(0, start);
  lines = lines.filter((line) => !/^\s*>/.test(line));
  // RFC 3676 signature separator "-- " (often trimmed to "--" by clients).
  const signature = lines.findIndex((line) => line.trimEnd() === '--');
  if (signature >= 0) lines = lines.slice(0, signature);
  while (lines.length > 0 && (lines.at(-1)?.trim() === '' || SIGN_OFF_TAIL.test(lines.at(-1)?.trim() ?? ''))) lines.pop();
  const result = lines.join('\n').trim();
  // A forward is nothing but the "quoted" message: keep it rather than return an empty body.
  return result === '' ? text.trim() : result;
};
