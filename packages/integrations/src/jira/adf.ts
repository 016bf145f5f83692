/**
 * Atlassian Document Format (ADF): the rich-text tree Jira API v3 uses for descriptions and
 * comments. We read it as plain text and write plain text as one paragraph per line.
 */

export interface AdfNode {
  type: string;
  text?: string;
  attrs?: Record<string, unknown>;
  content?: AdfNode[];
}

export interface AdfDocument {
  type: 'doc';
  version: 1;
  content: AdfNode[];
}

/** One paragraph per line (an empty paragraph for a blank line), so adfToText gives the text back. */
export const textToAdf = (text: string): AdfDocument => ({
  type: 'doc',
  version: 1,
  content: text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line): AdfNode => (line === '' ? { type: 'paragraph' } : { type: 'paragraph', content: [{ type: 'text', text: line }] })),
});

const isNode = (value: unknown): value is AdfNode =>
  typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';

const childrenOf = (node: AdfNode): AdfNode[] => (Array.isArray(node.content) ? node.content.filter(isNode) : []);

const attr = (node: AdfNode, name: string): string => {
  const value = node.attrs?.[name];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
};

/** Nodes whose children are inline and run together on one line. */
const INLINE_CONTAINERS = new Set(['paragraph', 'heading', 'codeBlock', 'taskItem', 'decisionItem']);

const prefixLines = (text: string, first: string, rest: string): string =>
  text
    .split('\n')
    .map((line, i) => (i === 0 ? first : rest) + line)
    .join('\n');

/** Blocks that stand for a line even when empty (a blank line); other empty nodes (media, unknown) vanish. */
const LINE_BLOCKS = new Set(['paragraph', 'heading', 'codeBlock']);

const joinBlocks = (children: AdfNode[]): string =>
  children
    .map((child) => ({ child, text: render(child) }))
    .filter(({ child, text }) => text !== '' || LINE_BLOCKS.has(child.type))
    .map(({ text }) => text)
    .join('\n');

const render = (node: AdfNode): string => {
  const children = childrenOf(node);
  switch (node.type) {
    case 'text':
      return typeof node.text === 'string' ? node.text : '';
    case 'hardBreak':
      return '\n';
    case 'mention':
    case 'status':
      return attr(node, 'text');
    case 'emoji':
      return attr(node, 'text') || attr(node, 'shortName');
    case 'inlineCard':
    case 'blockCard':
    case 'embedCard':
      return attr(node, 'url');
    case 'date': {
      const ms = Number(attr(node, 'timestamp'));
      return Number.isFinite(ms) && attr(node, 'timestamp') !== '' ? new Date(ms).toISOString().slice(0, 10) : '';
    }
    case 'rule':
      return '---';
    case 'blockquote':
      return prefixLines(joinBlocks(children), '> ', '> ');
    case 'bulletList':
    case 'taskList':
    case 'decisionList':
      return children.map((item) => prefixLines(render(item), '- ', '  ')).join('\n');
    case 'orderedList': {
      const start = Number(attr(node, 'order')) || 1;
      return children.map((item, i) => prefixLines(render(item), `${start + i}. `, '   ')).join('\n');
    }
    case 'tableRow':
      return children.map(render).join(' | ');
    default:
      return INLINE_CONTAINERS.has(node.type) ? children.map(render).join('') : joinBlocks(children);
  }
};

/** Plain text of an ADF document; tolerates plain strings (API v2 shapes) and malformed nodes. */
export const adfToText = (value: unknown): string => {
  if (typeof value === 'string') return value;
  return isNode(value) ? render(value) : '';
};
