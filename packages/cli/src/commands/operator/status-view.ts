import { describeAction } from '@agentic-pm/agent';
import type { AgentSettings, Escalation } from '@agentic-pm/domain';
import {
  dayOf, getConfigValue, getLedger, listActionsByStatus, listPendingEscalations, listRecentRuns, nowEpochSeconds, readLease, totalCost,
  type AgentActionRecord, type LedgerEntry, type RunRecord, type Table,
} from '@agentic-pm/storage';
import { roughDuration, shortTime } from './local-data';

export interface StatusView {
  /** The time the view is "as of": TTL, lease expiry and "today" are judged against it. */
  asOf: string;
  /** The wall clock when the view was taken: the heartbeat's age is measured against it. */
  wallClock: string;
  lastRun?: RunRecord;
  lease:
    | { state: 'never-taken' }
    | { state: 'free'; version: number }
    | { state: 'held' | 'expired'; holder: string; version: number; expiresAt: string; acquiredAt?: string };
  heartbeat?: { runId: string; time: string; ageMs: number };
  spend: { day: string; costUsd: number; budgetUsd: number; byModel: LedgerEntry[]; degradation: 'none' | 'reasoning-off' | 'llm-off' };
  escalations: Escalation[];
  held: AgentActionRecord[];
}

/** Everything `status` shows, read with Queries and Gets only. */
export const collectStatus = async (
  table: Table,
  options: { asOf: string; wallClock: string; settings: Pick<AgentSettings, 'dailyBudgetUsd'> },
): Promise<StatusView> => {
  const { asOf, wallClock } = options;
  const [lastRun] = await listRecentRuns(table, 1, asOf);
  const lease = await readLease(table);
  const heartbeat = await getConfigValue<{ runId: string; time: string }>(table, 'heartbeat');
  const day = dayOf(asOf);
  const byModel = await getLedger(table, day, asOf);
  const costUsd = totalCost(byModel);
  const budgetUsd = options.settings.dailyBudgetUsd;
  return {
    asOf,
    wallClock,
    ...(lastRun ? { lastRun } : {}),
    lease: !lease
      ? { state: 'never-taken' }
      : !lease.holder
        ? { state: 'free', version: lease.version }
        : {
            state: lease.leaseExpiresAt > nowEpochSeconds(asOf) ? 'held' : 'expired',
            holder: lease.holder,
            version: lease.version,
            expiresAt: new Date(lease.leaseExpiresAt * 1000).toISOString(),
            ...(lease.acquiredAt ? { acquiredAt: lease.acquiredAt } : {}),
          },
    ...(heartbeat ? { heartbeat: { ...heartbeat, ageMs: Date.parse(wallClock) - Date.parse(heartbeat.time) } } : {}),
    spend: {
      day, costUsd, budgetUsd, byModel,
      // As the loop degrades (README: Configuration): Sonnet off at the budget, triage off too at 1.5x.
      degradation: costUsd >= budgetUsd * 1.5 ? 'llm-off' : costUsd >= budgetUsd ? 'reasoning-off' : 'none',
    },
    escalations: await listPendingEscalations(table),
    held: await listActionsByStatus(table, 'PENDING', asOf),
  };
};

const usd = (n: number): string => `$${n.toFixed(4)}`;

const runLine = (run: RunRecord): string[] => {
  const lines = [`${run.runId}: ${run.status} (run time ${shortTime(run.time)}${run.finishedAt ? `, finished ${shortTime(run.finishedAt)}` : ''})`];
  if (run.error) lines.push(`  error: ${run.error.error}: ${run.error.cause}`);
  const heldBy = run.summary?.heldBy;
  if (run.status === 'SKIPPED' && typeof heldBy === 'string') lines.push(`  another run held the lease: ${heldBy}`);
  return lines;
};

const leaseLines = (view: StatusView): string[] => {
  const l = view.lease;
  switch (l.state) {
    case 'never-taken':
      return ['never taken (no run yet)'];
    case 'free':
      return [`free (fencing version ${l.version})`];
    case 'held':
      return [`held by ${l.holder}, version ${l.version}, expires ${shortTime(l.expiresAt)} (in ${roughDuration(Date.parse(l.expiresAt) - Date.parse(view.asOf))})`];
    case 'expired':
      return [`held by ${l.holder}, version ${l.version}, expired ${shortTime(l.expiresAt)}: a crashed run; the next run takes it over`];
  }
};

/** The view as lines for the terminal. */
export const formatStatus = (view: StatusView, label: string): string[] => {
  const col = (name: string, lines: string[]): string[] => lines.map((line, i) => `${(i === 0 ? name : '').padEnd(14)}${line}`);
  const s = view.spend;
  const percent = s.budgetUsd > 0 ? ` (${Math.round((s.costUsd / s.budgetUsd) * 100)}%)` : '';
  const degraded = s.degradation === 'llm-off' ? '; over 1.5x the budget: Sonnet and triage are off (rules only)' : s.degradation === 'reasoning-off' ? '; at the budget: Sonnet is off' : '';
  const hb = view.heartbeat;
  return [
    `Status of ${label}, as of ${view.asOf}`,
    ...col('Last run', view.lastRun ? runLine(view.lastRun) : ['none yet']),
    ...col('Lease', leaseLines(view)),
    ...col('Heartbeat', hb ? [`${shortTime(hb.time)} by ${hb.runId}, ${roughDuration(hb.ageMs)} ${hb.ageMs >= 0 ? 'old' : 'ahead'} by the wall clock${Math.abs(hb.ageMs) > 86_400_000 ? ' (a scenario run keeps its own clock)' : ''}`] : ['none yet']),
    ...col('LLM spend', [
      `${usd(s.costUsd)} of ${usd(s.budgetUsd)} on ${s.day}${percent}${degraded}`,
      ...s.byModel.map((e) => `  ${e.model}: ${e.calls} call(s), ${e.inputTokens} in / ${e.outputTokens} out tokens, ${usd(e.costUsd)}`),
    ]),
    ...col('Escalations', [
      `${view.escalations.length} pending`,
      ...view.escalations.map((e) => `  ${e.id} [${e.projectId}] ${e.title} (since ${shortTime(e.createdAt)})`),
    ]),
    ...col('Held actions', [
      `${view.held.length} held`,
      ...view.held.map((a) => `  ${a.id} [${a.projectId}] ${describeAction(a.action)}, runs after ${a.executeAfter ? shortTime(a.executeAfter) : '?'}`),
    ]),
  ];
};
