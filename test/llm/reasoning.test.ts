import { describe, expect, it } from 'vitest';
import { HAIKU_4_5, SONNET_4_5 } from '@agentic-pm/domain';
import { REASONING_TOOLS, reasonAboutSignals, type ReasoningInput } from '@agentic-pm/llm';
import { proseReply, scriptedBrain, toolCall, type ReplyBlock } from '../../packages/sandboxes/src/converse';
import { bodies, harness, reasoningSignal, testProject, type LlmHarness } from './fixtures';

const blocker = reasoningSignal(
  'jira:ATL-12@2026-03-02T08:05',
  { category: 'blocker', severity: 'high', artefacts: ['delivery_state', 'raid_log'] },
  { summary: 'ATL-12 payment gateway integration is blocked until the vendor sends sandbox API keys.', entities: { issueKeys: ['ATL-12'], dates: ['14 March'], people: ['Bob Smith'], amounts: [] } },
  { issueKey: 'ATL-12' },
);
const risk = reasoningSignal('outlook:msg-risk', { category: 'risk' }, { summary: 'Load tests are at risk: the performance environment is shared.' });

const input = (...signals: ReasoningInput['signals']): ReasoningInput => ({
  project: testProject(),
  artefacts: { raid_log: '(empty)', delivery_state: 'RAG green; no blockers' },
  signals,
});

const reason = (h: LlmHarness, reasoningInput: ReasoningInput, maxTurns?: number) =>
  reasonAboutSignals(reasoningInput, { client: h.client, settings: h.settings, onUsage: h.onUsage, ...(maxTurns ? { maxTurns } : {}) });

const raidAdd = (description: string, signalIds = ['S1']) => ({ op: { op: 'raid_add', kind: 'risk', description, severity: 'medium' }, signalIds });
const finish = (toolUseId?: string): ReplyBlock[] => toolCall(REASONING_TOOLS.finish, { summary: 'Done.' }, toolUseId);

describe('reasonAboutSignals', () => {
  it('collects artefact operations, actions and escalations in one turn that ends with finish', async () => {
    // Prepare
    const h = await harness();

    // Act
    const outcome = await reason(h, input(blocker));

    // Assess
    expect(outcome.failedClosed).toBeUndefined();
    expect(outcome.artefactOps.map((o) => o.op.op)).toEqual(['raid_add', 'delivery_add_blocker', 'delivery_set_rag']);
    expect(outcome.artefactOps.find((o) => o.op.op === 'delivery_set_rag')?.op).toMatchObject({ rag: 'red' });
    expect(outcome.proposals).toEqual([expect.objectContaining({ payload: expect.objectContaining({ type: 'jira_comment', issueKey: 'ATL-12' }) })]);
    expect(outcome.escalations).toHaveLength(1);
    expect(outcome.escalations[0]?.request.options.length).toBeGreaterThanOrEqual(2);
    expect([...outcome.artefactOps, ...outcome.proposals, ...outcome.escalations].every((o) => o.signalIds.join() === blocker.id)).toBe(true);
    expect(outcome.summary).toMatch(/Handled 1 signal/);
    expect(h.sandbox.calls()).toHaveLength(1);
  });

  it('sends trusted config and triage fields under short refs, lets the model pick any tool', async () => {
    // Prepare
    const h = await harness();

    // Act
    await reason(h, input(blocker, risk));

    // Assess
    const [body] = bodies(h.sandbox);
    const prompt = String(body?.messages[0]?.content[0]?.text);
    expect(prompt).toContain('"jiraProjectKey":"ATL"');
    expect(prompt).toContain('"allowedEmailDomains":["acme.test"]');
    expect(prompt).toContain('"ref":"S2","trust":"internal","category":"risk"');
    expect(prompt).not.toContain(blocker.id);
    expect(body?.toolConfig?.toolChoice).toEqual({ any: {} });
    expect(body?.toolConfig?.tools.map((t) => t.toolSpec?.name)).toEqual(Object.values(REASONING_TOOLS));
  });

  it('puts a cache point after the stable prefix for Sonnet, which the next call of the run reads', async () => {
    // Prepare: two projects reasoned about in one run share the system prompt and tools
    const h = await harness({ settings: { models: { triage: HAIKU_4_5, reasoning: SONNET_4_5, region: 'us-east-1' } } });

    // Act
    await reason(h, input(blocker));
    await reason(h, input(risk));

    // Assess
    expect(bodies(h.sandbox).map((b) => b.system?.map((s) => Object.keys(s)[0]))).toEqual([['text', 'cachePoint'], ['text', 'cachePoint']]);
    const [first, second] = h.usage;
    expect(first?.cacheWriteTokens).toBeGreaterThan(1_024);
    expect(second).toMatchObject({ cacheReadTokens: first?.cacheWriteTokens, cacheWriteTokens: 0 });
  });

  it('adds no cache point when the caller expects no other call to reuse the prefix', async () => {
    // Prepare
    const h = await harness({ settings: { models: { triage: HAIKU_4_5, reasoning: SONNET_4_5, region: 'us-east-1' } } });

    // Act
    await reasonAboutSignals(input(blocker), { client: h.client, settings: h.settings, onUsage: h.onUsage, cachePrefix: false });

    // Assess
    expect(bodies(h.sandbox).map((b) => b.system?.length)).toEqual([1]);
    expect(h.usage).toEqual([expect.objectContaining({ cacheReadTokens: 0, cacheWriteTokens: 0 })]);
  });

  it('adds no cache point when the prefix is under the model minimum (Haiku: 4,096)', async () => {
    // Prepare
    const h = await harness({ settings: { models: { triage: HAIKU_4_5, reasoning: HAIKU_4_5, region: 'us-east-1' } } });

    // Act
    await reason(h, input(blocker));

    // Assess
    expect(bodies(h.sandbox).every((b) => b.system?.length === 1)).toBe(true);
    expect(h.usage.every((u) => u.cacheReadTokens === 0 && u.cacheWriteTokens === 0)).toBe(true);
  });

  it('returns an error toolResult for invalid input and records the repaired call', async () => {
    // Prepare
    const h = await harness({
      brain: scriptedBrain([
        toolCall(REASONING_TOOLS.artefactOperation, { op: { op: 'raid_add', kind: 'rumour', description: 'x', severity: 'medium' }, signalIds: ['S1'] }, 'tu_bad'),
        toolCall(REASONING_TOOLS.artefactOperation, raidAdd('Shared performance environment may delay load tests.')),
        finish(),
      ]),
    });

    // Act
    const outcome = await reason(h, input(risk));

    // Assess
    expect(outcome.failedClosed).toBeUndefined();
    expect(outcome.artefactOps).toEqual([{ op: expect.objectContaining({ kind: 'risk', owner: null }), signalIds: [risk.id] }]);
    const [result] = bodies(h.sandbox)[1]?.messages.at(-1)?.content ?? [];
    expect(result).toMatchObject({ toolResult: { toolUseId: 'tu_bad', status: 'error' } });
    expect(JSON.stringify(result)).toContain('$.op.kind');
  });

  it('rejects unknown tools, unknown signal refs and out-of-range recommendations, keeping the valid calls', async () => {
    // Prepare
    const h = await harness({
      brain: scriptedBrain([
        [
          ...toolCall('delete_everything', { confirm: true }),
          ...toolCall(REASONING_TOOLS.artefactOperation, raidAdd('Unknown signal.', ['S9'])),
          ...toolCall(REASONING_TOOLS.requestEscalation, { title: 't', context: 'c', options: ['a', 'b'], recommendation: 2, rationale: 'r', signalIds: ['S1'] }),
          ...toolCall(REASONING_TOOLS.artefactOperation, raidAdd('Shared performance environment.')),
        ],
        finish(),
      ]),
    });

    // Act
    const outcome = await reason(h, input(risk));

    // Assess
    expect(outcome.artefactOps).toHaveLength(1);
    expect(outcome.escalations).toHaveLength(0);
    const results = (bodies(h.sandbox)[1]?.messages.at(-1)?.content ?? []).map((r) => r.toolResult as { status: string; content: Array<{ text: string }> });
    expect(results.map((r) => r.status)).toEqual(['error', 'error', 'error', 'success']);
    expect(results[0]?.content[0]?.text).toMatch(/unknown tool/);
    expect(results[1]?.content[0]?.text).toMatch(/unknown ref/);
    expect(results[2]?.content[0]?.text).toMatch(/\$\.recommendation/);
  });

  it('refuses finish in the same turn as a rejected call, so nothing is dropped silently', async () => {
    // Prepare
    const h = await harness({
      brain: scriptedBrain([
        [...toolCall(REASONING_TOOLS.requestEscalation, { title: 'Decide', signalIds: ['S1'] }), ...finish()],
        [...toolCall(REASONING_TOOLS.requestEscalation, { title: 'Decide', context: 'c', options: ['a', 'b'], recommendation: 0, rationale: 'r', signalIds: ['S1'] })],
        finish(),
      ]),
    });

    // Act
    const outcome = await reason(h, input(risk));

    // Assess
    expect(outcome.escalations).toHaveLength(1);
    expect(h.sandbox.calls()).toHaveLength(3);
    expect(JSON.stringify(bodies(h.sandbox)[1]?.messages.at(-1))).toContain('repair or drop them');
  });

  it('fails closed when the model never calls finish within maxTurns', async () => {
    // Prepare
    const op = toolCall(REASONING_TOOLS.artefactOperation, raidAdd('Again.'));
    const h = await harness({ brain: scriptedBrain([op, op, op]) });

    // Act
    const outcome = await reason(h, input(blocker, risk), 3);

    // Assess
    expect(h.sandbox.calls()).toHaveLength(3);
    expect(outcome).toEqual({
      proposals: [], artefactOps: [], escalations: [],
      failedClosed: { signalIds: [blocker.id, risk.id], reason: 'reasoning failed closed: no finish within 3 turns' },
    });
  });

  it('fails closed when every call was rejected, even if the model finishes', async () => {
    // Prepare
    const h = await harness({ brain: scriptedBrain([toolCall('send_money', {}), finish()]) });

    // Act
    const outcome = await reason(h, input(risk));

    // Assess
    expect(outcome.failedClosed?.reason).toMatch(/all 1 tool calls were rejected/);
  });

  it('fails closed when the model stops with prose', async () => {
    // Prepare
    const h = await harness({ brain: scriptedBrain([proseReply('I would escalate this.')]) });

    // Act
    const outcome = await reason(h, input(risk));

    // Assess
    expect(outcome.failedClosed?.reason).toMatch(/stopped \(end_turn\) without calling finish/);
    expect(h.sandbox.calls()).toHaveLength(1);
  });

  it('accepts a finish with nothing to do', async () => {
    // Prepare
    const h = await harness({ brain: scriptedBrain([finish()]) });

    // Act
    const outcome = await reason(h, input(risk));

    // Assess
    expect(outcome).toEqual({ proposals: [], artefactOps: [], escalations: [], summary: 'Done.' });
  });

  it('makes no call without signals', async () => {
    // Prepare
    const h = await harness();

    // Act
    const outcome = await reason(h, input());

    // Assess
    expect(outcome.failedClosed).toBeUndefined();
    expect(h.sandbox.calls()).toHaveLength(0);
  });
});
