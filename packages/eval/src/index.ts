export {
  DEFAULT_SET_FILE, labelledSetSchema, labelledSignalSchema, loadLabelledSet, parseLabelledSet, toTriageInput, type LabelledSignal,
} from './labelled-set';
export {
  binaryMetrics, confusionMatrix, f1Of, labelMetrics, macroAverages, multiClassMetrics, ratio,
  type BinaryMetrics, type BinaryPair, type ConfusionMatrix, type LabelMetrics, type LabelledPair, type MacroAverages, type MultiClassMetrics,
} from './metrics';
export { evaluateTriage, type EvalResult, type EvaluateDeps, type FailedClosed, type SignalResult } from './evaluate';
export {
  TRIAGE_PASSES, promptTokens, recordAgrees, recordedUsageByPass, summariseUsage,
  type PassUsage, type RecordedPassUsage, type TokenTotals, type TriagePass, type UsageSummary,
} from './usage-summary';
export { formatReport, formatTable, type ReportContext } from './table';
