import type { RunReport } from '@agentic-pm/local-runtime';
import { paint, usd } from './format';

/** The end-of-run summary a person reads. */
export const printSummary = (report: RunReport, dailyBudgetUsd: number, write: (line: string) => void = console.log): void => {
  const t = report.totals;
  const failed = report.cycles.filter((c) => c.status === 'FAILED').length;
  const skipped = report.cycles.filter((c) => c.status === 'SKIPPED').length;
  write(paint('bold', `\nSummary: ${report.scenario}`));
  write(`  Cycles        ${report.cycles.length} (${report.cycles.length - failed - skipped} succeeded, ${skipped} skipped, ${failed} failed), ${t.stateTransitions} state transitions`);
  write(`  Signals       ${t.signals}`);
  write(`  Actions       ${t.actions.executed} executed, ${t.actions.held} held, ${t.actions.escalated} escalated, ${t.actions.blocked} blocked`);
  write(`  Jira writes   ${t.jiraWrites.length}${t.jiraWrites.map((w) => `\n                - ${w.issue} ${w.kind}: ${w.detail.slice(0, 80)}`).join('')}`);
  write(`  Emails        ${t.emails.length}${t.emails.map((e) => `\n                - [${e.kind}] to ${e.to.join(', ')}: ${e.subject}`).join('')}`);
  write(`  Artefacts     ${t.artefacts.map((a) => `${a.project}/${a.type} v${a.version}`).join(', ') || 'none'}`);
  if (t.awaitingReasoning > 0) write(`  Waiting       ${t.awaitingReasoning} signal(s) inside the reasoning window; the next run past it reasons about them`);
  write(`  LLM           ${t.llm.calls} calls, ${t.llm.inputTokens} input + ${t.llm.outputTokens} output tokens, ${usd(t.llm.costUsd)} (daily budget ${usd(dailyBudgetUsd)})`);
  if (report.faults) {
    const where = (f: NonNullable<RunReport['faults']>[number]): string => f.firings.map((x) => `#${x.cycle}${x.state ? ` ${x.state}` : ''}`).join(', ');
    write(`  Faults        ${report.faults.map((f) => `\n                - ${f.token}: fired ${f.fired}/${f.planned.count}${f.fired ? ` (${where(f)})` : ''}`).join('')}`);
  }
};
