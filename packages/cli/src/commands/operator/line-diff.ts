/**
 * A line diff by longest common subsequence, for comparing two artefact versions as Markdown.
 * No diff library is installed and artefacts are small (a few hundred lines at most), so the
 * O(n*m) table is fine; a common head and tail are trimmed first.
 */
export type DiffOp = { kind: 'same' | 'removed' | 'added'; line: string };

export const diffLines = (before: string[], after: string[]): DiffOp[] => {
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  const a = before.slice(head, before.length - tail);
  const b = after.slice(head, after.length - tail);

  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const middle: DiffOp[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      middle.push({ kind: 'same', line: a[i]! });
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) {
      middle.push({ kind: 'removed', line: a[i++]! });
    } else {
      middle.push({ kind: 'added', line: b[j++]! });
    }
  }
  while (i < a.length) middle.push({ kind: 'removed', line: a[i++]! });
  while (j < b.length) middle.push({ kind: 'added', line: b[j++]! });

  return [
    ...before.slice(0, head).map((line): DiffOp => ({ kind: 'same', line })),
    ...middle,
    ...before.slice(before.length - tail).map((line): DiffOp => ({ kind: 'same', line })),
  ];
};

const MARK: Record<DiffOp['kind'], string> = { same: ' ', removed: '-', added: '+' };

/**
 * Unified-style output: `--- from` / `+++ to` headers, then each change with `context` unchanged
 * lines around it; `@@ line N @@` (numbered in `to`) opens each hunk. No changes: one line saying so.
 */
export const formatDiff = (ops: DiffOp[], labels: { from: string; to: string }, context = 3): string[] => {
  const changed = ops.map((op) => op.kind !== 'same');
  if (!changed.includes(true)) return [`--- ${labels.from}`, `+++ ${labels.to}`, '(no differences)'];
  const shown = ops.map((_, index) => changed.slice(Math.max(0, index - context), index + context + 1).includes(true));
  const lines = [`--- ${labels.from}`, `+++ ${labels.to}`];
  let toLine = 0;
  let inHunk = false;
  ops.forEach((op, index) => {
    if (op.kind !== 'removed') toLine++;
    if (!shown[index]) {
      inHunk = false;
      return;
    }
    if (!inHunk) lines.push(`@@ line ${op.kind === 'removed' ? toLine + 1 : toLine} @@`);
    inHunk = true;
    lines.push(`${MARK[op.kind]}${op.line}`);
  });
  return lines;
};
