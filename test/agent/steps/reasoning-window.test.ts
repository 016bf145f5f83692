import { describe, expect, it } from 'vitest';
import { reasoning } from '@agentic-pm/agent';
import type { Signal, TriageResult } from '@agentic-pm/domain';
import { addToLedger, countSignalsByStage, countWork, listProposals, moveSignal, putSignalOnce } from '@agentic-pm/storage';
import { project } from '../../support/projects';
import { testContext } from '../../support/agent-context';

const NOW = '2026-03-02T09:00:00.000Z';
const riskSignal = (projectId: string, n: number): Signal & { triage: TriageResult } => {
  const id = `outlook:${projectId}-${n}`;
  return {
    id, projectId, source: 'outlook', dedupeKey: `${projectId}-${n}`, occurredAt: NOW, actor: 'Dana', trust: 'internal', title: 'Load tests', text: 'untrusted', runId: 'run-0',
    triage: {
      via: 'model',
      sanitised: { id, summary: 'Shared environment may delay load tests', entities: { issueKeys: [], dates: [], people: [], amounts: [] }, requests: [], injectionSuspected: false },
      classification: { id, category: 'risk', severity: 'medium', confidence: 0.8, complexity: 'complex', artefacts: ['raid_log'] },
    },
  };
};

// Reasoning is switched off by the budget, so the step escalates, without a model, exactly the signals it would reason about.
describe('the reasoning window', () => {
  it('leaves a project whose signals are not yet due, and takes every waiting signal of a project once one is due', async () => {
    // Prepare
    const { ctx, run } = await testContext([project({ id: 'atlas' }), project({ id: 'borealis', jiraProjectKey: 'BOR' })]);
    await addToLedger(ctx.table, NOW, { model: ctx.settings.models.reasoning, inputTokens: 1, outputTokens: 1, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: ctx.settings.dailyBudgetUsd });
    const later = '2026-03-02T09:45:00.000Z';
    const earlier = '2026-03-02T08:59:00.000Z';
    const [a1, a2, b1] = [riskSignal('atlas', 1), riskSignal('atlas', 2), riskSignal('borealis', 1)];
    for (const s of [a1, a2, b1]) await putSignalOnce(ctx.table, s, 'reason');
    await moveSignal(ctx.table, a1, 'reason', earlier);
    await moveSignal(ctx.table, a2, 'reason', later);
    await moveSignal(ctx.table, b1, 'reason', later);

    // Act
    const before = await countSignalsByStage(ctx.table, NOW);
    const result = await reasoning(ctx, { run });

    // Assess
    expect(before).toEqual({ triage: 0, reason: 1, artefacts: 0, deferred: 2 });
    expect(result).toMatchObject({ escalations: 1, llmCalls: 0 });
    expect((await listProposals(ctx.table, NOW)).flatMap((p) => (p.kind === 'escalation' ? p.signalIds : []))).toEqual([a1.id, a2.id]);
    expect(await countSignalsByStage(ctx.table, NOW)).toEqual({ triage: 0, reason: 0, artefacts: 2, deferred: 1 });
  });

  it('keeps deferred signals out of the open work a run checks, until they are due', async () => {
    // Prepare
    const { ctx } = await testContext([project()]);
    const s = riskSignal('atlas', 1);
    await putSignalOnce(ctx.table, s, 'reason');
    await moveSignal(ctx.table, s, 'reason', '2026-03-02T10:00:00.000Z');

    // Act
    const now = await countWork(ctx.table, NOW);
    const atDue = await countWork(ctx.table, '2026-03-02T10:00:00.000Z');
    await moveSignal(ctx.table, s, 'artefacts');
    const moved = await countSignalsByStage(ctx.table, NOW);

    // Assess
    expect([now, atDue]).toEqual([0, 1]);
    expect(moved).toEqual({ triage: 0, reason: 0, artefacts: 1, deferred: 0 });
  });
});
