import { TRIAGE_TOOLS } from '@agentic-pm/llm';
import { sum } from '../stats';
import type { BenchResult } from './bench-result';
import { TARGETS } from './assemble-result';

const pct = (part: number, whole: number): string => `${whole > 0 ? Math.round((100 * part) / whole) : 0}%`;
const perDayUsd = (value: number): string => `$${value.toFixed(3)}/day`;

/**
 * For each missed target: where the measured figure comes from, and what it would take to meet
 * it. The numbers come from this run; the remedies are the design options the numbers point to.
 */
export const gapNotes = (r: BenchResult): string[] => {
  const missed = new Set(r.targets.filter((t) => t.met === false).map((t) => t.name));
  const perDay = r.meta.runsPerDay / r.meta.runs;
  const purposes = r.day.ours.purposeUsd;
  const spend = (match: (purpose: string) => boolean): number => sum(Object.entries(purposes).filter(([p]) => match(p)).map(([, usd]) => usd)) * perDay;
  const total = spend(() => true);
  const triage = spend((p) => p.startsWith(TRIAGE_TOOLS.sanitise) || p.startsWith(TRIAGE_TOOLS.classify));
  const reasoning = spend((p) => p.startsWith('reasoning'));
  const laterTurns = spend((p) => p === 'reasoning (later turns)');
  const reasoningCalls = r.day.ours.purposes.filter((p) => p.modelId.startsWith('reasoning'));
  const calls = sum(reasoningCalls.map((p) => p.calls));
  const perCall = (field: 'inputTokens' | 'outputTokens' | 'cacheWriteTokens' | 'cacheReadTokens'): number => (calls > 0 ? Math.round(sum(reasoningCalls.map((p) => p[field])) / calls) : 0);
  const notes: string[] = [];

  if (missed.has('LLM spend per day') || missed.has('LLM spend, ours / naive')) {
    notes.push(
      `  LLM: reasoning is ${pct(reasoning, total)} of our spend (${perDayUsd(reasoning)}): ${Math.round(calls * perDay)} Sonnet calls a day, one per project whose reasoning window is up, ` +
        `each about ${perCall('inputTokens') + perCall('cacheWriteTokens') + perCall('cacheReadTokens')} tokens in (instructions and tool schemas alone are ~1,700) and ${perCall('outputTokens')} out; ` +
        `turns after the first cost ${perDayUsd(laterTurns)}. What is left is the work itself: the proposals, records and escalations Sonnet writes. ` +
        `Fewer calls would take a longer window (slower answers) or rules instead of Sonnet for more kinds of signal (less judgement).`,
      `  The quarantined two-pass triage alone costs ${perDayUsd(triage)}${triage > TARGETS.llmUsdPerDay ? `, above the $${TARGETS.llmUsdPerDay.toFixed(2)} target by itself` : ''}, ` +
        'after the rules settle noise and Jira changes that only moved picked values. It stays: it is the safety model (pass 1 alone reads untrusted text, pass 2 never does).',
      `  The naive baseline costs ${perDayUsd(r.perDay.naiveLlmUsd)} under the same meter, not several dollars: the signals are short. A ratio of ${TARGETS.llmRatio} would mean ${perDayUsd(TARGETS.llmRatio * r.perDay.naiveLlmUsd)}, ${TARGETS.llmRatio * r.perDay.naiveLlmUsd < triage ? 'less than our triage alone' : 'reachable only with the levers above'}.`,
    );
  }
  if (missed.has('Whole system per month')) {
    const infra = r.bills.ours.lines.filter((l) => !l.llm).sort((a, b) => b.usd - a.usd);
    const biggest = infra.slice(0, 3).map((l) => `${l.key} $${l.usd.toFixed(2)}`).join(', ');
    notes.push(
      `  Month: the LLM is $${r.bills.ours.llmUsd.toFixed(2)} of $${r.bills.ours.totalUsd.toFixed(2)}; the rest is $${sum(infra.map((l) => l.usd)).toFixed(2)}, mostly ${biggest}. ` +
        'The LLM levers above decide this target.',
    );
  }
  if (missed.has('Transitions per no-change run')) {
    notes.push(`  Step Functions: the Parallel "Detect Changes" costs 3 transitions (itself and one per branch); one Task polling Jira and Outlook would make a no-change run ${r.summary.transitionsNoChange - 2}.`);
  }
  const bundles = r.coldStart?.bundles ?? [];
  if (missed.has('Largest bundle')) {
    const biggest = [...bundles].sort((a, b) => b.bytes - a.bytes)[0];
    const top = biggest?.topInputs.map((i) => `${i.path} ${Math.round(i.bytes / 1024)} KB`).join(', ') ?? '';
    notes.push(`  Bundles: the largest is ${biggest?.functionName} at ${Math.round((biggest?.bytes ?? 0) / 1024)} KB (${top}). Each function carries only the clients it names in functions/*.ts and no AWS SDK (infra/README.md, Bundling).`);
  }
  if (missed.has('Slowest fresh import vs empty module') && r.coldStart !== null) {
    const { empty, imports } = r.coldStart;
    const slowest = [...imports].sort((a, b) => b.processMs - a.processMs)[0];
    const sdk = (slowest?.loadedPackages ?? []).filter((p) => /^@aws-sdk\/(client|lib)-/.test(p)).join(', ');
    const kb = bundles.map((b) => Math.round(b.bytes / 1024));
    notes.push(
      `  Import: the slowest is ${slowest?.name} (${((slowest?.processMs ?? 0) / empty.processMs).toFixed(2)}x, ${Math.round(slowest?.importMs ?? 0)} ms in the import). ` +
        `Most of each import is the AWS SDK it loads from the runtime (here ${sdk}): DynamoDB for every step, Bedrock for Triage and Reasoning; the bundles themselves are ${Math.min(...kb)} to ${Math.max(...kb)} KB. ` +
        'Bundling the SDK instead loads somewhat faster but makes bundles 400 to 500 KB. Wall-clock ratios also move with the load on this machine: compare runs on an idle one.',
    );
  }
  return notes;
};
