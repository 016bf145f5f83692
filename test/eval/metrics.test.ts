import { describe, expect, it } from 'vitest';
import { binaryMetrics, f1Of, multiClassMetrics, ratio, type LabelledPair } from '../../packages/eval/src/metrics';

type L = 'a' | 'b' | 'c' | 'd';
const LABELS: readonly L[] = ['a', 'b', 'c', 'd'];
const pair = (expected: L, predicted: L | null): LabelledPair<L> => ({ expected, predicted });

describe('multiClassMetrics', () => {
  it('computes the confusion matrix, per-label and macro figures of a hand-made case', () => {
    // Prepare: a has one miss to b and one failed closed; b one miss to a; c never predicted; d absent
    const pairs = [
      pair('a', 'a'), pair('a', 'a'), pair('a', 'b'), pair('a', null),
      pair('b', 'b'), pair('b', 'a'),
      pair('c', 'b'),
    ];

    // Act
    const m = multiClassMetrics(LABELS, pairs);

    // Assess: matrix
    expect(m.matrix.cells).toEqual([
      [2, 1, 0, 0],
      [1, 1, 0, 0],
      [0, 1, 0, 0],
      [0, 0, 0, 0],
    ]);
    expect(m.matrix.noPrediction).toEqual([1, 0, 0, 0]);
    expect(m).toMatchObject({ total: 7, correct: 3, unpredicted: 1 });
    expect(m.accuracy).toBeCloseTo(3 / 7, 12);

    // Assess: per label
    const [a, b, c, d] = m.perLabel;
    expect(a).toMatchObject({ label: 'a', support: 4, predicted: 3, truePositives: 2, falsePositives: 1, falseNegatives: 2 });
    expect(a?.precision).toBeCloseTo(2 / 3, 12);
    expect(a?.recall).toBeCloseTo(1 / 2, 12);
    expect(a?.f1).toBeCloseTo(4 / 7, 12);
    expect(b).toMatchObject({ support: 2, predicted: 3, truePositives: 1, falsePositives: 2, falseNegatives: 1 });
    expect(b?.precision).toBeCloseTo(1 / 3, 12);
    expect(b?.recall).toBeCloseTo(1 / 2, 12);
    expect(b?.f1).toBeCloseTo(2 / 5, 12);
    // never predicted: precision undefined, not 0 or 1
    expect(c).toMatchObject({ support: 1, predicted: 0, truePositives: 0, precision: null, recall: 0, f1: null });
    // no support and no predictions: nothing is defined
    expect(d).toMatchObject({ support: 0, predicted: 0, precision: null, recall: null, f1: null });

    // Assess: macro over the three labels with support; c's undefined precision counts as 0, d is left out
    expect(m.macro.labels).toBe(3);
    expect(m.macro.precision).toBeCloseTo((2 / 3 + 1 / 3 + 0) / 3, 12);
    expect(m.macro.recall).toBeCloseTo((1 / 2 + 1 / 2 + 0) / 3, 12);
    expect(m.macro.f1).toBeCloseTo((4 / 7 + 2 / 5 + 0) / 3, 12);
  });

  it('gives a perfect score to perfect predictions', () => {
    // Prepare
    const pairs = [pair('a', 'a'), pair('b', 'b'), pair('b', 'b')];

    // Act
    const m = multiClassMetrics(LABELS, pairs);

    // Assess
    expect(m.accuracy).toBe(1);
    expect(m.macro).toEqual({ precision: 1, recall: 1, f1: 1, labels: 2 });
  });

  it('leaves every figure undefined for an empty set', () => {
    // Act
    const m = multiClassMetrics(LABELS, []);

    // Assess
    expect(m.accuracy).toBeNull();
    expect(m.macro).toEqual({ precision: null, recall: null, f1: null, labels: 0 });
  });

  it('rejects a label outside the label set', () => {
    // Act / Assess
    expect(() => multiClassMetrics(LABELS, [{ expected: 'a', predicted: 'z' as L }])).toThrow(/predicted label "z"/);
  });
});

describe('binaryMetrics', () => {
  it('counts a missing verdict as not flagged and reports it', () => {
    // Prepare
    const pairs = [
      { expected: true, predicted: true }, { expected: true, predicted: true }, { expected: true, predicted: false },
      { expected: true, predicted: null }, { expected: false, predicted: true }, { expected: false, predicted: false },
      { expected: false, predicted: null },
    ];

    // Act
    const m = binaryMetrics(pairs);

    // Assess
    expect(m).toMatchObject({ total: 7, support: 4, flagged: 3, truePositives: 2, falsePositives: 1, falseNegatives: 2, trueNegatives: 2, noVerdict: 2 });
    expect(m.precision).toBeCloseTo(2 / 3, 12);
    expect(m.recall).toBeCloseTo(1 / 2, 12);
    expect(m.f1).toBeCloseTo(4 / 7, 12);
  });

  it('has undefined precision when nothing is flagged and undefined recall when nothing is expected', () => {
    // Act
    const m = binaryMetrics([{ expected: false, predicted: false }]);

    // Assess
    expect(m).toMatchObject({ precision: null, recall: null, f1: null, trueNegatives: 1 });
  });
});

describe('ratio and f1Of', () => {
  it('handle zero denominators explicitly', () => {
    // Act / Assess
    expect(ratio(0, 0)).toBeNull();
    expect(ratio(3, 4)).toBe(0.75);
    expect(f1Of(0, 0)).toBe(0);
    expect(f1Of(null, 1)).toBeNull();
    expect(f1Of(1, 1)).toBe(1);
  });
});
