import { ARTEFACT_TYPES, type ArtefactType } from '@agentic-pm/domain';
import { countSignalsByStage, dayOf, getArtefact, getLedger, listRunEvents, type LedgerEntry, type Table } from '@agentic-pm/storage';
import type { CycleResult, CycleStatus } from './run-cycle';
import type { FaultOutcome } from './chaos/chaos-injector';
import type { RedteamTally } from './redteam/redteam-tally';

export interface RunReport {
  scenario: string;
  cycles: Array<{ at: string; executionName: string; status: CycleStatus; stateTransitions: number; signals: number; error?: { error: string; cause: string } }>;
  totals: {
    stateTransitions: number;
    signals: number;
    actions: { executed: number; held: number; escalated: number; blocked: number };
    emails: Array<{ to: string[]; subject: string; kind: 'escalation' | 'digest' | 'action' }>;
    jiraWrites: Array<{ issue: string; kind: 'comment' | 'transition' | 'field'; detail: string }>;
    artefacts: Array<{ project: string; type: ArtefactType; version: number }>;
    llm: { calls: number; inputTokens: number; outputTokens: number; cacheReadTokens: number; cacheWriteTokens: number; costUsd: number };
    lambdaInvocations: number;
    metrics: Record<string, number>;
    /** Complex signals still inside their reasoning window when the last cycle ended; a later run reasons about them. */
    awaitingReasoning: number;
  };
  /** With `--chaos`: each planned fault and how many times it fired, in which cycle and state. */
  faults?: FaultOutcome[];
  /** Red-team mode only: what the attackers' requests achieved. */
  redteam?: RedteamTally;
}

type LlmTotals = RunReport['totals']['llm'];
const zeroLlm = (): LlmTotals => ({ calls: 0, inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: 0 });

/** Sums the ledger for the given days, so a report can take the difference across a run. */
export const ledgerTotals = async (table: Table, days: string[]): Promise<LlmTotals> => {
  const totals = zeroLlm();
  for (const day of new Set(days)) {
    for (const e of await getLedger(table, day, `${day}T23:59:59.999Z`)) add(totals, e);
  }
  return totals;
};

const add = (t: LlmTotals, e: LedgerEntry): void => {
  t.calls += e.calls;
  t.inputTokens += e.inputTokens;
  t.outputTokens += e.outputTokens;
  t.cacheReadTokens += e.cacheReadTokens;
  t.cacheWriteTokens += e.cacheWriteTokens;
  t.costUsd += e.costUsd;
};

const count = (o: Record<string, unknown> | null, path: [string, string]): number => {
  const section = o?.[path[0]];
  const value = section && typeof section === 'object' ? (section as Record<string, unknown>)[path[1]] : undefined;
  return typeof value === 'number' ? value : 0;
};

export const buildReport = async (input: {
  scenario: string;
  table: Table;
  cycles: CycleResult[];
  projectIds: string[];
  jiraWrites: Array<{ issue: string; kind: 'comment' | 'transition' | 'field'; detail: string }>;
  llmBefore: LlmTotals;
  metrics: Record<string, number>;
  faults?: FaultOutcome[];
}): Promise<RunReport> => {
  const { table, cycles } = input;
  const end = cycles.at(-1)?.at ?? new Date().toISOString();
  const emails: RunReport['totals']['emails'] = [];
  for (const cycle of cycles) {
    for (const event of await listRunEvents(table, cycle.executionName, end)) {
      if (event.type !== 'email_sent' || !event.detail) continue;
      const d = event.detail as { to: string[]; subject: string; kind: 'escalation' | 'digest' | 'action' };
      emails.push({ to: d.to, subject: d.subject, kind: d.kind });
    }
  }
  const artefacts: RunReport['totals']['artefacts'] = [];
  for (const project of input.projectIds) {
    for (const type of ARTEFACT_TYPES) {
      const a = await getArtefact(table, project, type);
      if (a) artefacts.push({ project, type, version: a.version });
    }
  }
  const llmAfter = await ledgerTotals(table, cycles.map((c) => dayOf(c.at)));
  const llm = zeroLlm();
  for (const key of Object.keys(llm) as Array<keyof LlmTotals>) llm[key] = llmAfter[key] - input.llmBefore[key];
  llm.costUsd = Math.round(llm.costUsd * 1e6) / 1e6;
  const sum = (path: [string, string]) => cycles.reduce((s, c) => s + count(c.output, path), 0);
  return {
    scenario: input.scenario,
    cycles: cycles.map((c) => ({
      at: c.at, executionName: c.executionName, status: c.status, stateTransitions: c.stateTransitions, signals: count(c.output, ['signals', 'created']),
      ...(c.error ? { error: c.error } : {}),
    })),
    totals: {
      stateTransitions: cycles.reduce((s, c) => s + c.stateTransitions, 0),
      signals: sum(['signals', 'created']),
      actions: {
        executed: sum(['execution', 'executed']) + sum(['holdQueue', 'executed']),
        held: sum(['execution', 'held']),
        escalated: sum(['execution', 'escalated']) + sum(['holdQueue', 'escalated']),
        blocked: sum(['execution', 'blocked']),
      },
      emails,
      jiraWrites: input.jiraWrites,
      artefacts,
      llm,
      lambdaInvocations: cycles.reduce((s, c) => s + c.invocations.length, 0),
      metrics: input.metrics,
      awaitingReasoning: (await countSignalsByStage(table, end)).deferred,
    },
    ...(input.faults ? { faults: input.faults } : {}),
  };
};
