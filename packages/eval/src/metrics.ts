/**
 * Classification metrics for the triage evaluation, kept free of I/O so the arithmetic is testable.
 *
 * Zero denominators are not guessed away:
 * - precision of a label nobody predicted is `null` (tp + fp = 0), recall of a label with no
 *   expected items is `null` (tp + fn = 0), F1 is `null` when either is `null`, and 0 when both are 0;
 * - macro averages run over the labels that occur in the expected set (support > 0). For those,
 *   a `null` precision (the label was never predicted, so every one of its items was missed)
 *   counts as 0, as does its F1; labels with no support are left out, so a set that lacks a label
 *   does not move the averages. The number of labels averaged is reported with the averages.
 *
 * A missing prediction (`null`: the signal failed closed) is wrong for its expected label (a false
 * negative) and a false positive for none, so it lowers recall without polluting any precision.
 */

export interface LabelledPair<L extends string> {
  expected: L;
  /** `null`: no prediction (failed closed). */
  predicted: L | null;
}

export interface ConfusionMatrix<L extends string> {
  labels: readonly L[];
  /** cells[e][p]: items expected as labels[e] and predicted as labels[p]. */
  cells: number[][];
  /** noPrediction[e]: items expected as labels[e] that got no prediction. */
  noPrediction: number[];
}

export interface LabelMetrics<L extends string> {
  label: L;
  /** Items expected as this label. */
  support: number;
  /** Items predicted as this label. */
  predicted: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export interface MacroAverages {
  precision: number | null;
  recall: number | null;
  f1: number | null;
  /** How many labels were averaged (those with support > 0). */
  labels: number;
}

export interface MultiClassMetrics<L extends string> {
  total: number;
  correct: number;
  /** Items with no prediction. */
  unpredicted: number;
  /** correct / total, failed-closed items counting as wrong; `null` for an empty set. */
  accuracy: number | null;
  perLabel: Array<LabelMetrics<L>>;
  macro: MacroAverages;
  matrix: ConfusionMatrix<L>;
}

export interface BinaryPair {
  expected: boolean;
  /** `null`: no verdict (the pass that decides it failed closed); counted as not flagged. */
  predicted: boolean | null;
}

export interface BinaryMetrics {
  total: number;
  /** Items expected positive. */
  support: number;
  /** Items predicted positive. */
  flagged: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  trueNegatives: number;
  /** Items without a verdict; each also counts as a false negative or a true negative. */
  noVerdict: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

/** numerator / denominator, or `null` when the denominator is 0. */
export const ratio = (numerator: number, denominator: number): number | null => (denominator === 0 ? null : numerator / denominator);

/** Harmonic mean of precision and recall; `null` if either is undefined, 0 if both are 0. */
export const f1Of = (precision: number | null, recall: number | null): number | null => {
  if (precision === null || recall === null) return null;
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
};

const mean = (values: readonly number[]): number | null =>
  values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length;

const indexOf = <L extends string>(labels: readonly L[], label: L, role: string): number => {
  const i = labels.indexOf(label);
  if (i < 0) throw new Error(`metrics: ${role} label "${label}" is not one of ${labels.join(', ')}`);
  return i;
};

export const confusionMatrix = <L extends string>(labels: readonly L[], pairs: ReadonlyArray<LabelledPair<L>>): ConfusionMatrix<L> => {
  if (new Set(labels).size !== labels.length) throw new Error('metrics: labels must be unique');
  const cells = labels.map(() => labels.map(() => 0));
  const noPrediction = labels.map(() => 0);
  for (const { expected, predicted } of pairs) {
    const e = indexOf(labels, expected, 'expected');
    const row = cells[e] as number[];
    if (predicted === null) noPrediction[e] = (noPrediction[e] ?? 0) + 1;
    else {
      const p = indexOf(labels, predicted, 'predicted');
      row[p] = (row[p] ?? 0) + 1;
    }
  }
  return { labels, cells, noPrediction };
};

const cell = (matrix: ConfusionMatrix<string>, e: number, p: number): number => matrix.cells[e]?.[p] ?? 0;

export const labelMetrics = <L extends string>(matrix: ConfusionMatrix<L>): Array<LabelMetrics<L>> =>
  matrix.labels.map((label, i) => {
    const truePositives = cell(matrix, i, i);
    const support = (matrix.cells[i] ?? []).reduce((sum, n) => sum + n, 0) + (matrix.noPrediction[i] ?? 0);
    const predicted = matrix.labels.reduce((sum, _l, e) => sum + cell(matrix, e, i), 0);
    const precision = ratio(truePositives, predicted);
    const recall = ratio(truePositives, support);
    return {
      label,
      support,
      predicted,
      truePositives,
      falsePositives: predicted - truePositives,
      falseNegatives: support - truePositives,
      precision,
      recall,
      f1: f1Of(precision, recall),
    };
  });

export const macroAverages = (perLabel: ReadonlyArray<LabelMetrics<string>>): MacroAverages => {
  const present = perLabel.filter((m) => m.support > 0);
  return {
    precision: mean(present.map((m) => m.precision ?? 0)),
    recall: mean(present.map((m) => m.recall ?? 0)),
    f1: mean(present.map((m) => f1Of(m.precision ?? 0, m.recall ?? 0) ?? 0)),
    labels: present.length,
  };
};

export const multiClassMetrics = <L extends string>(labels: readonly L[], pairs: ReadonlyArray<LabelledPair<L>>): MultiClassMetrics<L> => {
  const matrix = confusionMatrix(labels, pairs);
  const perLabel = labelMetrics(matrix);
  const correct = perLabel.reduce((sum, m) => sum + m.truePositives, 0);
  return {
    total: pairs.length,
    correct,
    unpredicted: pairs.filter((p) => p.predicted === null).length,
    accuracy: ratio(correct, pairs.length),
    perLabel,
    macro: macroAverages(perLabel),
    matrix,
  };
};

export const binaryMetrics = (pairs: readonly BinaryPair[]): BinaryMetrics => {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  let trueNegatives = 0;
  let noVerdict = 0;
  for (const { expected, predicted } of pairs) {
    if (predicted === null) noVerdict += 1;
    const flagged = predicted === true;
    if (expected && flagged) truePositives += 1;
    else if (!expected && flagged) falsePositives += 1;
    else if (expected) falseNegatives += 1;
    else trueNegatives += 1;
  }
  const precision = ratio(truePositives, truePositives + falsePositives);
  const recall = ratio(truePositives, truePositives + falseNegatives);
  return {
    total: pairs.length,
    support: truePositives + falseNegatives,
    flagged: truePositives + falsePositives,
    truePositives,
    falsePositives,
    falseNegatives,
    trueNegatives,
    noVerdict,
    precision,
    recall,
    f1: f1Of(precision, recall),
  };
};
