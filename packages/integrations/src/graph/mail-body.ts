import { stripQuotesAndSignature } from './quoted-reply';

export const DEFAULT_MAX_BODY_CHARS = 4000;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Tags dropped in one linear pass: for HTML too deeply nested for the converter's recursive walk. */
const stripTags = (html: string): string =>
  html
    .replace(/<(?:br|\/p|\/div|\/li|\/tr|\/h[1-6])\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|apos|nbsp);/g, (_m, name: string) => ENTITIES[name] ?? '');

const htmlToPlainText = async (html: string): Promise<string> => {
  try {
    return await convertHtml(html);
  } catch (error) {
    // A body nested thousands of elements deep overflows the converter's stack; it still has text to read.
    if (error instanceof RangeError) return stripTags(html);
    throw error;
  }
};

/**
 * html-to-text and its HTML parser (entity tables included) are loaded on the first HTML body,
 * not when Poll Outlook starts: a cold start with no new mail, or only plain text, skips them.
 */
let htmlToText: Promise<typeof import('html-to-text')> | undefined;

const convertHtml = async (html: string): Promise<string> =>
  (await (htmlToText ??= import('html-to-text'))).convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'style', format: 'skip' },
      { selector: 'script', format: 'skip' },
    ],
  });

/** Keeps at most `maxChars` characters and says how many were dropped. */
export const capText = (text: string, maxChars: number): string => {
  if (text.length <= maxChars) return text;
  let cut = maxChars;
  // Do not split a surrogate pair.
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return `${text.slice(0, cut)}\n[truncated: ${text.length - cut} more characters]`;
};

const tidy = (text: string): string =>
  text
    .replace(/\r\n?/g, '\n')
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

/** Plain, new-content-only, bounded text of a Graph message body. */
export const mailBodyText = async (body: { contentType: string; content?: string | null } | null | undefined, maxChars: number): Promise<string> => {
  const content = body?.content ?? '';
  const plain = body?.contentType.toLowerCase() === 'html' ? await htmlToPlainText(content) : content;
  return capText(stripQuotesAndSignature(tidy(plain)), maxChars);
};
