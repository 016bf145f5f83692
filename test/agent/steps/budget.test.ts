import { describe, expect, it } from 'vitest';
import { reasoning, triage } from '@agentic-pm/agent';
import type { Signal, TriageResult } from '@agentic-pm/domain';
import { addToLedger, countSignalsByStage, listProposals, putSignalOnce } from '@agentic-pm/storage';
import { project } from '../../support/projects';
import { testContext } from '../../support/agent-context';

const NOW = '2026-03-02T09:00:00.000Z';
const signal = (n: number): Signal => ({
  id: `jira:1000${n}:1`, projectId: 'atlas', source: 'jira', dedupeKey: `1000${n}:1`, occurredAt: NOW, actor: 'Priya', trust: 'internal',
  issueKey: `ATL-${n}`, title: `ATL-${n}: Cutover`, text: 'status: In Progress -> Blocked', runId: 'run-1',
});
const complexTriage = (id: string): TriageResult => ({
  via: 'model',
  sanitised: { id, summary: 'Blocked on the vendor', entities: { issueKeys: [], dates: [], people: [], amounts: [] }, requests: [], injectionSuspected: false },
  classification: { id, category: 'blocker', severity: 'high', confidence: 0.9, complexity: 'complex', artefacts: [] },
});

// The test context's Bedrock client points at a closed port: any model call would fail the test.
describe('the daily LLM budget', () => {
  it('at 1.5x the budget, triage calls no model and asks the owner once for all signals', async () => {
    // Prepare
    const { ctx, run } = await testContext([project()]);
    await addToLedger(ctx.table, NOW, { model: ctx.settings.models.triage, inputTokens: 1, outputTokens: 1, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: ctx.settings.dailyBudgetUsd * 1.5 });
    for (const n of [1, 2, 3]) await putSignalOnce(ctx.table, signal(n), 'triage');

    // Act
    const result = await triage(ctx, { run });

    // Assess
    expect(result).toMatchObject({ triaged: 3, failedClosed: 3, llmCalls: 0, complex: 0 });
    const proposals = await listProposals(ctx.table, NOW);
    expect(proposals).toHaveLength(1);
    expect(proposals[0]).toMatchObject({ kind: 'escalation', signalIds: [signal(1).id, signal(2).id, signal(3).id] });
    expect(await countSignalsByStage(ctx.table, NOW)).toEqual({ triage: 0, reason: 0, artefacts: 3, deferred: 0 });
  });

  it('at the budget, reasoning is off: complex signals are escalated without a model call', async () => {
    // Prepare
    const { ctx, run } = await testContext([project()]);
    await addToLedger(ctx.table, NOW, { model: ctx.settings.models.reasoning, inputTokens: 1, outputTokens: 1, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: ctx.settings.dailyBudgetUsd });
    for (const n of [1, 2]) await putSignalOnce(ctx.table, { ...signal(n), triage: complexTriage(signal(n).id) }, 'reason');

    // Act
    const result = await reasoning(ctx, { run });

    // Assess
    expect(result).toMatchObject({ proposals: 0, escalations: 1, llmCalls: 0 });
    expect((await listProposals(ctx.table, NOW)).map((p) => p.kind)).toEqual(['escalation']);
    expect(await countSignalsByStage(ctx.table, NOW)).toEqual({ triage: 0, reason: 0, artefacts: 2, deferred: 0 });
  });
});
