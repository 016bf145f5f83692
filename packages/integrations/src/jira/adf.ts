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

/**
 * Real documents nest a few levels (a list in a quote in a table); a body nested thousands deep
 * would overflow the stack. Below this depth a subtree is read flat, without recursion.
 */
const MAX_DEPTH = 64;

/** The text leaves of a subtree in document order, with an explicit stack. */
const flatText = (root: AdfNode): string => {
  const parts: string[] = [];
  const stack: AdfNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text' && typeof node.text === 'string') parts.push(node.text);
    else if (node.type === 'hardBreak') parts.push('\n');
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push(children[i]!);
  }
  return parts.join('');
};

const joinBlocks = (children: AdfNode[], depth: number): string =>
  children
    .map((child) => ({ child, text: render(child, depth + 1) }))
    .filter(({ child, text }) => text !== '' || LINE_BLOCKS.has(child.type))
    .map(({ text }) => text)
    .join('\n');

const render = (node: AdfNode, depth = 0): string => {
  if (depth > MAX_DEPTH) return flatText(node);
  const children = childrenOf(node);
  const inner = (child: AdfNode): string => render(child, depth + 1);
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
      return prefixLines(joinBlocks(children, depth), '> ', '> ');
    case 'bulletList':
    case 'taskList':
    case 'decisionList':
      return children.map((item) => prefixLines(inner(item), '- ', '  ')).join('\n');
    case 'orderedList': {
      const start = Number(attr(node, 'order')) || 1;
      return children.map((item, i) => prefixLines(inner(item), `${start + i}. `, '   ')).join('\n');
    }
    case 'tableRow':
      return children.map(inner).join(' | ');
    default:
      return INLINE_CONTAINERS.has(node.type) ? children.map(inner).join('') : joinBlocks(children, depth);
  }
};

/** Plain text of an ADF document; tolerates plain strings (API v2 shapes) and malformed nodes. */
export const adfToText = (value: unknown): string => {
  if (typeof value === 'string') return value;
  return isNode(value) ? render(value) : '';
};
