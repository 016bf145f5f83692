/**
 * Spotlighting by datamarking (Hines et al., 2024, "Defending Against Indirect Prompt Injection
 * Attacks With Spotlighting"): every whitespace run in untrusted text becomes DATAMARK, so the
 * model can tell data from instructions throughout the text, not just at its delimiters.
 * U+02C6 (modifier letter circumflex) is rare in mail and Jira text and costs one token.
 */
export const DATAMARK = '\u02C6';

const MARKUP: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Escapes markup so untrusted text cannot open or close a delimiter such as `</signal>`. */
export const escapeMarkup = (text: string): string => text.replace(/[&<>"]/g, (c) => MARKUP[c] ?? c);

export const unescapeMarkup = (text: string): string =>
  text.replace(/&(amp|lt|gt|quot);/g, (_m, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"' })[name] ?? '');

/**
 * Invisible characters (zero-width, bidi controls, Unicode tag characters used for "ASCII
 * smuggling") are rewritten as visible `[U+XXXX]` so hidden text cannot reach the model unseen.
 */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u{E0000}-\u{E007F}]/gu;

export const revealInvisible = (text: string): string =>
  text.replace(INVISIBLE, (c) => `[U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}]`);

/** Bounds, reveals, escapes and datamarks one untrusted field. */
export const datamark = (text: string, maxChars: number): string => {
  const revealed = revealInvisible(text).trim();
  const bounded = revealed.length > maxChars ? `${revealed.slice(0, maxChars)} [truncated]` : revealed;
  return escapeMarkup(bounded).replace(/\s+/gu, DATAMARK);
};

/** The inverse a reader applies: datamarks back to spaces, entities back to characters. */
export const undatamark = (text: string): string => unescapeMarkup(text.replaceAll(DATAMARK, ' '));
