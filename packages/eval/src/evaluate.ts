import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { CATEGORIES, type AgentSettings, type Category, type Classification } from '@agentic-pm/domain';
import { FAIL_CLOSED_SUMMARY, triageSignals, type LlmUsage, type TriageOutcome } from '@agentic-pm/llm';
import { toTriageInput, type LabelledSignal } from './labelled-set';
import { binaryMetrics, multiClassMetrics, type BinaryMetrics, type MultiClassMetrics } from './metrics';
import { summariseUsage, type UsageSummary } from './usage-summary';

export interface SignalResult {
  id: string;
  source: LabelledSignal['source'];
  trust: LabelledSignal['trust'];
  expected: LabelledSignal['expected'];
  /** `category: null` when the signal failed closed; `injection: null` when pass 1 gave no verdict. */
  predicted: { category: Category | null; injection: boolean | null };
  via: TriageOutcome['via'];
  /** The model's classification (absent when failed closed). */
  classification?: Pick<Classification, 'severity' | 'confidence' | 'complexity' | 'artefacts'>;
  summary: string;
  injectionReason?: string;
  /** Why it failed closed. */
  reason?: string;
}

export interface FailedClosed {
  id: string;
  /** The pass whose answer stayed invalid after the repair turn. */
  pass: 1 | 2;
  reason: string;
}

export interface EvalResult {
  signals: SignalResult[];
  categories: MultiClassMetrics<Category>;
  injection: BinaryMetrics;
  failedClosed: FailedClosed[];
  usage: UsageSummary;
  batchSize: number;
  durationMs: number;
}

export interface EvaluateDeps {
  client: BedrockRuntimeClient;
  settings: AgentSettings;
  /** Overrides `settings.triageBatchSize`. */
  batchSize?: number;
}

/** A failed-closed outcome keeps its pass-1 fields only when pass 2 was the one that failed. */
const passOneFailed = (outcome: TriageOutcome): boolean => outcome.via === 'fail_closed' && outcome.sanitised.summary === FAIL_CLOSED_SUMMARY;

const resultOf = (item: LabelledSignal, outcome: TriageOutcome): SignalResult => {
  const model = outcome.via === 'model';
  const { severity, confidence, complexity, artefacts } = outcome.classification;
  return {
    id: item.id,
    source: item.source,
    trust: item.trust,
    expected: item.expected,
    predicted: {
      category: model ? outcome.classification.category : null,
      injection: passOneFailed(outcome) ? null : outcome.sanitised.injectionSuspected,
    },
    via: outcome.via,
    ...(model ? { classification: { severity, confidence, complexity, artefacts } } : {}),
    summary: outcome.sanitised.summary,
    ...(outcome.sanitised.injectionReason === undefined ? {} : { injectionReason: outcome.sanitised.injectionReason }),
    ...(outcome.reason === undefined ? {} : { reason: outcome.reason }),
  };
};

/**
 * Runs the production two-pass triage over a labelled set and scores it. The client decides
 * where calls go (real Bedrock, or the local Converse sandbox); nothing here knows which.
 * Service errors (no credentials, throttling past the retries) propagate: a half-run eval has
 * no meaningful numbers.
 */
export const evaluateTriage = async (items: readonly LabelledSignal[], deps: EvaluateDeps): Promise<EvalResult> => {
  const batchSize = deps.batchSize ?? deps.settings.triageBatchSize;
  const settings: AgentSettings = { ...deps.settings, triageBatchSize: batchSize };
  const usage: LlmUsage[] = [];
  const started = performance.now();
  const outcomes = await triageSignals(items.map(toTriageInput), { client: deps.client, settings, onUsage: (u) => usage.push(u) });
  const durationMs = performance.now() - started;

  const byId = new Map(outcomes.map((o) => [o.id, o]));
  const signals = items.map((item) => {
    const outcome = byId.get(item.id);
    if (outcome === undefined) throw new Error(`evaluateTriage: no outcome for ${item.id}`);
    return resultOf(item, outcome);
  });
  const failedClosed = outcomes.flatMap((o): FailedClosed[] =>
    o.via === 'fail_closed' ? [{ id: o.id, pass: passOneFailed(o) ? 1 : 2, reason: o.reason ?? 'no reason given' }] : [],
  );
  const failedInPass1 = failedClosed.filter((f) => f.pass === 1).length;

  return {
    signals,
    categories: multiClassMetrics(CATEGORIES, signals.map((s) => ({ expected: s.expected.category, predicted: s.predicted.category }))),
    injection: binaryMetrics(signals.map((s) => ({ expected: s.expected.injection, predicted: s.predicted.injection }))),
    failedClosed,
    usage: summariseUsage(usage, {
      model: settings.models.triage,
      prices: settings.prices,
      batchSize,
      signals: items.length,
      signalsPerPass: { triage_sanitise: items.length, triage_classify: items.length - failedInPass1 },
    }),
    batchSize,
    durationMs,
  };
};
