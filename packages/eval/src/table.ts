import type { EvalResult } from './evaluate';
import type { RecordedPassUsage, TriagePass } from './usage-summary';
import { promptTokens, recordAgrees } from './usage-summary';

export interface ReportContext {
  setFile: string;
  /** Where the calls went, for the heading: "local Converse sandbox (offline brain)" or "Bedrock us-east-1". */
  target: string;
  /** The sandbox's own record of the calls, when the run used the sandbox. */
  recorded?: readonly RecordedPassUsage[];
  /** List every misclassified signal. */
  verbose?: boolean;
}

type Align = 'left' | 'right';

/** Plain-text table: columns padded to their widest cell, numbers right-aligned. */
export const formatTable = (headers: readonly string[], rows: ReadonlyArray<readonly string[]>, align: readonly Align[]): string[] => {
  const widths = headers.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, c) => ((align[c] ?? 'left') === 'right' ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
};

const rate = (value: number | null): string => (value === null ? 'n/a' : value.toFixed(2));
const int = (value: number): string => value.toLocaleString('en-US');
const perSignal = (value: number | null): string => (value === null ? 'n/a' : value.toFixed(1));
const usd = (value: number | null, digits = 4): string => (value === null ? 'n/a' : `$${value.toFixed(digits)}`);

const PASS_NAMES: Record<TriagePass, string> = { triage_sanitise: 'pass 1 sanitise', triage_classify: 'pass 2 classify' };

const ABBREVIATIONS: Record<string, string> = {
  blocker: 'blk', risk: 'risk', issue: 'iss', dependency: 'dep', decision_needed: 'dec',
  schedule_change: 'sch', scope_change: 'scp', status_update: 'sta', info: 'info', noise: 'noi',
};

const categoryTable = (result: EvalResult): string[] => {
  const { categories } = result;
  const rows = categories.perLabel.map((m) => [
    m.label, int(m.support), int(m.predicted), int(m.truePositives), rate(m.precision), rate(m.recall), rate(m.f1),
  ]);
  rows.push(
    [`macro average (${categories.macro.labels} categories)`, '', '', '', rate(categories.macro.precision), rate(categories.macro.recall), rate(categories.macro.f1)],
    ['accuracy', int(categories.total), '', int(categories.correct), '', '', rate(categories.accuracy)],
  );
  return formatTable(['category', 'expected', 'predicted', 'correct', 'precision', 'recall', 'F1'], rows, ['left', 'right', 'right', 'right', 'right', 'right', 'right']);
};

const confusionTable = (result: EvalResult): string[] => {
  const { matrix } = result.categories;
  const headers = ['expected \\ predicted', ...matrix.labels.map((l) => ABBREVIATIONS[l] ?? l), 'f/c'];
  const rows = matrix.labels.map((label, e) => [
    label,
    ...matrix.labels.map((_l, p) => {
      const n = matrix.cells[e]?.[p] ?? 0;
      return n === 0 ? '.' : String(n);
    }),
    (matrix.noPrediction[e] ?? 0) === 0 ? '.' : String(matrix.noPrediction[e]),
  ]);
  return formatTable(headers, rows, ['left', ...headers.slice(1).map((): Align => 'right')]);
};

const injectionTable = (result: EvalResult): string[] => {
  const m = result.injection;
  return formatTable(
    ['injection detection', 'expected', 'flagged', 'caught', 'false alarms', 'missed', 'precision', 'recall', 'F1'],
    [['injectionSuspected', int(m.support), int(m.flagged), int(m.truePositives), int(m.falsePositives), int(m.falseNegatives), rate(m.precision), rate(m.recall), rate(m.f1)]],
    ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
  );
};

const usageTable = (result: EvalResult): string[] => {
  const { usage } = result;
  const rows = usage.passes.map((p) => [
    PASS_NAMES[p.pass], int(p.calls), int(p.repairCalls), int(p.signals), int(p.inputTokens), `${int(p.cacheReadTokens)}/${int(p.cacheWriteTokens)}`,
    int(p.outputTokens), perSignal(p.promptTokensPerSignal), perSignal(p.outputTokensPerSignal), usd(p.costUsd),
  ]);
  const t = usage.total;
  const n = result.signals.length;
  rows.push([
    'total', int(t.calls), int(t.repairCalls), int(n), int(t.inputTokens), `${int(t.cacheReadTokens)}/${int(t.cacheWriteTokens)}`, int(t.outputTokens),
    perSignal(n === 0 ? null : promptTokens(t) / n), perSignal(n === 0 ? null : t.outputTokens / n), usd(t.costUsd),
  ]);
  return formatTable(
    ['pass', 'calls', 'repairs', 'signals', 'input', 'cache r/w', 'output', 'prompt/signal', 'output/signal', 'cost'],
    rows,
    ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
  );
};

/** The whole report as lines of text. */
export const formatReport = (result: EvalResult, context: ReportContext): string[] => {
  const n = result.signals.length;
  const { usage } = result;
  const lines: string[] = [
    `Triage evaluation: ${n} labelled signals from ${context.setFile}`,
    `Model ${usage.model} via ${context.target}, batch size ${result.batchSize}, ${(result.durationMs / 1000).toFixed(1)} s`,
    '',
    ...categoryTable(result),
    '',
    'Confusion matrix (rows: expected; columns: predicted; f/c: failed closed, no prediction)',
    ...confusionTable(result),
    '',
    ...injectionTable(result),
  ];
  if (result.injection.noVerdict > 0) lines.push(`  ${result.injection.noVerdict} signal(s) got no verdict (pass 1 failed closed); counted as not flagged.`);

  lines.push('', `Failed closed: ${result.failedClosed.length} of ${n} (counted as wrong for their expected category, a false positive for none)`);
  for (const f of result.failedClosed) lines.push(`  ${f.id} (pass ${f.pass}): ${f.reason}`);

  lines.push('', ...usageTable(result));
  const planned = usage.callsPer50Planned;
  lines.push(
    `Cost per signal ${usd(usage.costPerSignalUsd, 6)}; per 1,000 signals ${usd(usage.costPerSignalUsd === null ? null : usage.costPerSignalUsd * 1000, 2)}` +
      `; at the design volume of 200 signals a day ${usd(usage.costPerSignalUsd === null ? null : usage.costPerSignalUsd * 200, 3)} a day.`,
    `Calls per 50 signals: ${planned} at batch size ${result.batchSize} (2 passes x ceil(50 / ${result.batchSize}), no repairs); ` +
      `this run: ${usage.total.calls} calls for ${n} signals (${perSignal(usage.callsPer50Measured)} per 50).`,
  );
  if (usage.costNote !== undefined) lines.push(`Cost: ${usage.costNote}.`);
  if (context.recorded !== undefined) {
    const agrees = recordAgrees(context.recorded, usage);
    lines.push(
      `Sandbox record (calls told apart by forced tool): ${context.recorded.map((r) => `${r.tool} ${r.calls} call(s), ${int(r.promptTokens)} in / ${int(r.outputTokens)} out`).join('; ')}` +
        ` — ${agrees ? 'agrees with' : 'DIFFERS from'} the usage the client reported.`,
      'Sandbox token counts are ceil(characters / 4) of request and answer text, not a real tokenizer.',
    );
  }

  const misses = result.signals.filter((s) => s.predicted.category !== s.expected.category || s.predicted.injection !== s.expected.injection);
  if (context.verbose) {
    lines.push('', `Misclassified (${misses.length}):`);
    for (const s of misses) {
      const category = s.predicted.category === s.expected.category ? '' : `category ${s.expected.category} -> ${s.predicted.category ?? 'failed closed'}`;
      const injection = s.predicted.injection === s.expected.injection ? '' : `injection ${s.expected.injection} -> ${s.predicted.injection ?? 'no verdict'}`;
      lines.push(`  ${s.id}: ${[category, injection].filter(Boolean).join('; ')}`);
    }
  } else if (misses.length > 0) {
    lines.push('', `${misses.length} signal(s) misclassified in category or injection; --verbose lists them.`);
  }
  return lines;
};
