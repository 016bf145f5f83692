export type Align = 'left' | 'right';

/**
 * A plain-text table: a header row, a rule, the rows, columns padded to their widest cell.
 * Numbers read best right-aligned, names left-aligned; `align` says which per column.
 */
export const renderTable = (headers: readonly string[], rows: ReadonlyArray<readonly string[]>, align: readonly Align[], indent = '  '): string[] => {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    indent + cells.map((c, i) => ((align[i] ?? 'left') === 'right' ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  return [line(headers), indent + widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)];
};

export const usd = (value: number, digits = 4): string => `$${value.toFixed(digits)}`;

export const int = (value: number): string => Math.round(value).toLocaleString('en-US');

export const num = (value: number, digits = 1): string => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
