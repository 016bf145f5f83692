/**
 * The sandbox's own ADF reading and writing (kept separate from the client's on purpose: a test
 * double that shares the code under test would agree with its bugs).
 */

export interface AdfDoc {
  type: 'doc';
  version: 1;
  content: unknown[];
}

export const plainToAdf = (text: string): AdfDoc => ({
  type: 'doc',
  version: 1,
  content: text.split(/\r?\n/).map((line) => (line ? { type: 'paragraph', content: [{ type: 'text', text: line }] } : { type: 'paragraph' })),
});

export const isAdfDoc = (value: unknown): value is AdfDoc =>
  typeof value === 'object' &&
  value !== null &&
  (value as { type?: unknown }).type === 'doc' &&
  (value as { version?: unknown }).version === 1 &&
  Array.isArray((value as { content?: unknown }).content);

/** Text of paragraphs (one line each) with hard breaks; enough for the sandbox's write log. */
export const adfPlainText = (node: unknown): string => {
  if (typeof node !== 'object' || node === null) return '';
  const { type, text, content } = node as { type?: unknown; text?: unknown; content?: unknown };
  if (type === 'text') return typeof text === 'string' ? text : '';
  if (type === 'hardBreak') return '\n';
  const children = Array.isArray(content) ? content.map(adfPlainText) : [];
  return children.join(type === 'doc' || type === 'bulletList' || type === 'orderedList' ? '\n' : '');
};
