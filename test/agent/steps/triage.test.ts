import { describe, expect, it } from 'vitest';
import { triage } from '@agentic-pm/agent';
import type { Signal } from '@agentic-pm/domain';
import { TRIAGE_TOOLS } from '@agentic-pm/llm';
import { putSignalOnce } from '@agentic-pm/storage';
import { project } from '../../support/projects';
import { testContext } from '../../support/agent-context';
import { bodies, forcedTool, harness } from '../../llm/fixtures';

const NOW = '2026-03-02T09:00:00.000Z';
const mail = (projectId: string, n: number, text: string): Signal => ({
  id: `outlook:${projectId}-${n}`, projectId, source: 'outlook', dedupeKey: `${projectId}-${n}`, occurredAt: NOW, actor: 'Dana',
  trust: 'internal', title: `Update ${n}`, text, from: 'dana@acme.test', runId: 'run-0',
});

describe('triage step', () => {
  it('never puts two projects in one model call', async () => {
    // Prepare
    const llm = await harness();
    const { ctx: base, run } = await testContext([project({ id: 'atlas' }), project({ id: 'borealis', jiraProjectKey: 'BOR' })]);
    const ctx = { ...base, bedrock: llm.client };
    const signals = [mail('atlas', 1, 'ATLAS-ONLY cutover moved.'), mail('borealis', 1, 'BOREALIS-ONLY vendor is late.'), mail('atlas', 2, 'ATLAS-ONLY tests green.')];
    for (const s of signals) await putSignalOnce(ctx.table, s, 'triage');

    // Act
    const result = await triage(ctx, { run });

    // Assess
    expect(result.triaged).toBe(3);
    const sanitiseCalls = bodies(llm.sandbox).filter((b) => forcedTool(b) === TRIAGE_TOOLS.sanitise).map((b) => JSON.stringify(b.messages));
    expect(sanitiseCalls).toHaveLength(2);
    expect(sanitiseCalls.every((text) => !(text.includes('ATLAS-ONLY') && text.includes('BOREALIS-ONLY')))).toBe(true);
  });
});
