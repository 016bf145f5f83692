import { modelLabel, modelPrices } from '../pricing/prices';
import { median, sum } from '../stats';
import { usdOf, type ModelUsage } from '../metering/llm-usage';
import { MB_MS_PER_GB_SECOND } from '../metering/lambda-usage';
import type { BenchResult } from './bench-result';
import { gapNotes } from './gap-notes';
import { MAIL_MIX } from '../reference-day/signal-mix';
import { int, num, renderTable, usd } from './text-table';

const MAIL_KINDS = new Set<string>(MAIL_MIX.map(([kind]) => kind));

const llmRows = (design: string, usage: readonly ModelUsage[], perDay: number, priced: (u: ModelUsage) => number | null, label: (id: string) => string): string[][] =>
  usage.map((u) => {
    const cost = priced(u);
    return [design, label(u.modelId), int(u.calls * perDay), int(u.inputTokens * perDay), int(u.outputTokens * perDay), int(u.cacheReadTokens * perDay), int(u.cacheWriteTokens * perDay), cost === null ? '' : usd(cost * perDay)];
  });

/** The human-readable report, as lines. */
export const reportLines = (r: BenchResult, files: { json: string; chart: string }): string[] => {
  const { day } = r;
  const perDay = r.meta.runsPerDay / r.meta.runs;
  const extrapolated = r.meta.runs % r.meta.runsPerDay === 0 ? '' : ` (per-day figures extrapolated from ${r.meta.runs} runs)`;
  const perDayNote = r.meta.days > 1 ? ` (per-day figures are the mean of ${r.meta.days} days)` : extrapolated;
  const out: string[] = [];
  const section = (title: string): void => {
    out.push('', title);
  };
  out.push(`agentic-pm benchmark · seed ${r.meta.seed} · ${r.meta.runs} runs every ${day.cycleMinutes} min${perDayNote} · Node ${r.meta.node} · ${r.meta.platform} · ${r.meta.cpus} CPUs`);

  section(`Reference day: ${r.referenceDay.scenario}`);
  const mail = Object.entries(r.referenceDay.kinds).filter(([k]) => MAIL_KINDS.has(k));
  const jira = Object.entries(r.referenceDay.kinds).filter(([k]) => !MAIL_KINDS.has(k));
  const list = (entries: Array<[string, number]>): string => entries.sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ');
  out.push(`  signals: ${r.referenceDay.signalsCreated} created by the agent, ${r.referenceDay.signalsPlanned} generated`);
  out.push(`  mail ${sum(mail.map(([, n]) => n))}: ${list(mail)}`);
  out.push(`  Jira ${sum(jira.map(([, n]) => n))}: ${list(jira)}`);
  out.push(`  runs: ${r.referenceDay.activeRuns} active, ${r.referenceDay.noChangeRuns} with no changes (${num((100 * r.referenceDay.noChangeRuns) / r.meta.runs, 0)}%)${day.failedCycles > 0 ? `, ${day.failedCycles} FAILED` : ''}`);

  section('Step Functions: state transitions (one per state entered, Parallel branches included)');
  const stat = (name: string, values: number[]): string[] =>
    values.length === 0 ? [name, '0', '', '', '', '0'] : [name, int(values.length), num(median(values), 1), int(Math.min(...values)), int(Math.max(...values)), int(sum(values) * perDay)];
  const noChange = day.cycles.filter((c) => !c.active).map((c) => c.transitions);
  const active = day.cycles.filter((c) => c.active).map((c) => c.transitions);
  out.push(...renderTable(['run', 'runs', 'median', 'min', 'max', 'per day'], [stat('no changes', noChange), stat('active', active), ['all', int(day.cycles.length), '', '', '', int(sum(day.cycles.map((c) => c.transitions)) * perDay)]], ['left', 'right', 'right', 'right', 'right', 'right']));

  section('Lambda: memory from infra/function-specs.ts, duration measured in-process, billed per ms');
  out.push(...renderTable(
    ['function', 'memory', 'invocations/day', 'billed s/day', 'GB-s/day'],
    [
      ...day.lambda.map((f) => [f.functionName, `${f.memoryMb} MB`, int(f.invocations * perDay), num((f.billedMs * perDay) / 1000, 1), num((f.mbMs * perDay) / MB_MS_PER_GB_SECOND, 2)]),
      ['total', '', int(sum(day.lambda.map((f) => f.invocations)) * perDay), num((sum(day.lambda.map((f) => f.billedMs)) * perDay) / 1000, 1), num((sum(day.lambda.map((f) => f.mbMs)) * perDay) / MB_MS_PER_GB_SECOND, 2)],
    ],
    ['left', 'right', 'right', 'right', 'right'],
  ));

  section('DynamoDB: ReturnConsumedCapacity on every call (transactions: 2 units per KB per action)');
  out.push(...renderTable(
    ['operation', 'requests/day', 'RRU/day', 'WRU/day'],
    [
      ...Object.entries(day.dynamodb.byOperation).sort((a, b) => b[1].requests - a[1].requests).map(([op, o]) => [op.replace(/Command$/, ''), int(o.requests * perDay), num(o.readUnits * perDay, 1), num(o.writeUnits * perDay, 1)]),
      ['total', int(day.dynamodb.requests * perDay), num(day.dynamodb.readUnits * perDay, 1), num(day.dynamodb.writeUnits * perDay, 1)],
    ],
    ['left', 'right', 'right', 'right'],
  ));
  if (day.dynamodb.failedConditionalWrites > 0) out.push(`  failed conditional writes (billed 1 WRU each): ${day.dynamodb.failedConditionalWrites}`);

  section('LLM: tokens from the Converse endpoint\'s meter, ceil(chars / 4) of request and answer text, per day');
  const modelUsd = (u: ModelUsage): number => usdOf(u, modelPrices());
  out.push(...renderTable(
    ['design', 'model or purpose', 'calls', 'input', 'output', 'cache read', 'cache write', '$/day'],
    [
      ...llmRows('ours', day.ours.models, perDay, modelUsd, modelLabel),
      ...llmRows('', day.ours.purposes, perDay, (u) => day.ours.purposeUsd[u.modelId] ?? null, (p) => `  ${p}`),
      ...llmRows('naive', day.naive.models, perDay, modelUsd, modelLabel),
      ...llmRows('', day.naive.purposes, perDay, (u) => day.naive.purposeUsd[u.modelId] ?? null, (p) => `  ${p}`),
    ],
    ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right'],
  ));
  out.push(`  ours ${usd(r.perDay.llmUsd)}/day (the agent's own ledger: ${usd(day.ours.ledgerUsd * perDay)}), naive ${usd(r.perDay.naiveLlmUsd)}/day, ratio ${num(r.perDay.llmRatio, 3)}`);
  out.push(`  naive: ${day.naive.outcome.triageCalls} triage calls, ${day.naive.outcome.reasoningCalls} reasoning calls (${day.naive.outcome.complex} complex signals)${day.naive.outcome.unreadable > 0 ? `, ${day.naive.outcome.unreadable} unreadable answers` : ''}`);
  if (r.meta.dailyBudgetUsd !== r.meta.defaultDailyBudgetUsd) {
    out.push(
      r.perDay.budgetReachedAt === null
        ? `  the default daily budget ($${r.meta.defaultDailyBudgetUsd}) is not reached`
        : `  the default daily budget ($${r.meta.defaultDailyBudgetUsd}) is reached at ${r.perDay.budgetReachedAt.slice(11, 16)} UTC; measured with it lifted to $${r.meta.dailyBudgetUsd}, as with the default the agent turns Sonnet off from there`,
    );
  }

  section('Other usage per day');
  const kinds = Object.entries(day.emails.byKind).map(([k, n]) => `${k} ${int(n * perDay)}`).join(', ');
  out.push(`  emails: ${int(day.emails.sent * perDay)} (${kinds || 'none'}) to ${int(day.emails.recipients * perDay)} recipients`);
  const metrics = Object.entries(day.metrics.byName);
  out.push(`  custom metrics: ${int(day.metrics.points * perDay)} data points of ${metrics.length} metrics, ${int(sum(metrics.map(([, m]) => m.hours)) * perDay)} metric-hours with data`);
  out.push(`  actions: executed ${day.ours.actions.executed}, held ${day.ours.actions.held}, escalated ${day.ours.actions.escalated}, blocked ${day.ours.actions.blocked}; Jira writes ${day.ours.jiraWrites}`);
  out.push(`  alarm metrics (fixed): ${r.alarmMetrics}, from infra/alarm-definitions.ts`);

  section('Monthly cost: 30 days, list prices us-east-1, no free tier (prices in packages/bench/src/pricing/prices.ts)');
  const naiveLines = new Map(r.bills.naive.lines.map((l) => [l.key, l]));
  const keys = [...new Set([...r.bills.ours.lines.map((l) => l.key), ...r.bills.naive.lines.map((l) => l.key)])];
  const oursLines = new Map(r.bills.ours.lines.map((l) => [l.key, l]));
  out.push(...renderTable(
    ['line', 'ours /month', 'naive /month', 'ours $', 'naive $'],
    [
      ...keys
        .filter((k) => (oursLines.get(k)?.usd ?? 0) > 0 || (naiveLines.get(k)?.usd ?? 0) > 0)
        .map((k) => {
          const a = oursLines.get(k);
          const b = naiveLines.get(k);
          const unit = a?.unit ?? b?.unit ?? '';
          return [k, `${int(a?.perMonth ?? 0)} ${unit}`, `${int(b?.perMonth ?? 0)} ${unit}`, usd(a?.usd ?? 0), usd(b?.usd ?? 0)];
        }),
      ['LLM', '', '', usd(r.bills.ours.llmUsd, 2), usd(r.bills.naive.llmUsd, 2)],
      ['total', '', '', usd(r.bills.ours.totalUsd, 2), usd(r.bills.naive.totalUsd, 2)],
    ],
    ['left', 'right', 'right', 'right', 'right'],
  ));
  out.push(`  ours / naive: LLM ${num(r.bills.llmRatio, 3)}, total ${num(r.bills.totalRatio, 3)} (the naive design shares our infrastructure lines; only its Bedrock lines differ)`);

  section('Cold start: functions bundled as SST deploys them (esbuild, ESM, minified; the AWS SDK from the runtime)');
  if (r.coldStart === null) out.push('  skipped (--skip-cold-start)');
  else {
    const { empty, imports, bundles } = r.coldStart;
    const timing = new Map(imports.map((t) => [t.name, t]));
    out.push(...renderTable(
      ['function', 'KB', 'gzip KB', 'import ms', 'process ms', 'x empty', 'AWS SDK loaded'],
      [
        ['(empty module)', '', '', num(empty.importMs), num(empty.processMs), '1.00', ''],
        ...bundles.map((b) => {
          const t = timing.get(b.functionName);
          const sdk = (t?.loadedPackages ?? []).filter((p) => /^@aws-sdk\/(client|lib)-/.test(p)).map((p) => p.replace('@aws-sdk/', '')).join(' ');
          return [b.functionName, num(b.bytes / 1024, 0), num(b.gzipBytes / 1024, 0), num(t?.importMs ?? Number.NaN), num(t?.processMs ?? Number.NaN), num((t?.processMs ?? Number.NaN) / empty.processMs, 2), sdk];
        }),
      ],
      ['left', 'right', 'right', 'right', 'right', 'right', 'left'],
    ));
    const biggest = [...bundles].sort((a, b) => b.bytes - a.bytes)[0];
    if (biggest) out.push(`  largest inputs of ${biggest.functionName}: ${biggest.topInputs.map((i) => `${i.path} ${num(i.bytes / 1024, 0)} KB`).join(', ')}`);
    out.push(`  medians of ${empty.runs} fresh \`node\` processes each (${process.execPath}); "x empty" = process wall time / the empty module's;`);
    out.push('  the AWS SDK is not in the bundles (the Lambda runtime provides it) but each timed import loads it from node_modules, as Lambda loads it from the runtime; SES loads with the first mail sent');
  }

  section('Cycle latency: local runtime, DynamoDB Local started beforehand');
  if (r.latency === null) out.push('  skipped (--skip-latency)');
  else {
    const l = r.latency;
    out.push(...renderTable(
      ['run', 'median ms', 'samples'],
      [
        ['no changes', num(l.medianNoChangeMs, 0), l.noChangeMs.map((v) => num(v, 0)).join(' ')],
        [`${l.burstSignals} new signals`, num(l.medianActiveMs, 0), l.activeMs.map((v) => num(v, 0)).join(' ')],
      ],
      ['left', 'right', 'left'],
    ));
    if (l.activeSignals.some((n) => n !== l.burstSignals)) out.push(`  note: the burst runs created ${l.activeSignals.join(', ')} signals`);
  }

  section('Targets');
  out.push(...renderTable(
    ['target', 'goal', 'measured', ''],
    r.targets.map((t) => [t.name, t.target, t.measured, t.met === null ? '-' : t.met ? 'met' : 'MISSED']),
    ['left', 'left', 'right', 'left'],
  ));

  const gaps = gapNotes(r);
  if (gaps.length > 0) {
    section('Gaps: where the missed targets come from');
    out.push(...gaps);
  }

  section('Notes');
  out.push(
    '  Tokens are ceil(chars/4) of the text each Converse request and answer carries (no tokenizer offline), the same meter for both designs.',
    '  The offline brain writes terse, tool-only answers; a real model writes more, which raises both designs\' output tokens.',
    '  Lambda durations are in-process on this machine, with loopback stand-ins: they leave out Bedrock\'s seconds of latency and init time.',
    '  Not in the bill: CloudWatch Logs ingestion, DynamoDB storage, data transfer, free tiers. SST secrets are encrypted into the bundles (no Secrets Manager).',
  );
  out.push('', `Written: ${files.json}, ${files.chart}`);
  return out;
};
