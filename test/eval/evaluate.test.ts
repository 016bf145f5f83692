import { afterEach, describe, expect, it } from 'vitest';
import { CATEGORIES, defaultSettings } from '@agentic-pm/domain';
import { createBedrockRuntime } from '@agentic-pm/llm';
import { evaluateTriage } from '../../packages/eval/src/evaluate';
import { loadLabelledSet } from '../../packages/eval/src/labelled-set';
import { formatReport } from '../../packages/eval/src/table';
import { recordAgrees, recordedUsageByPass } from '../../packages/eval/src/usage-summary';
import { proseReply, scriptedBrain, startConverseSandbox, type Brain, type ConverseSandbox } from '../../packages/sandboxes/src/converse';

const open: ConverseSandbox[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

const sandboxClient = async (brain?: Brain) => {
  const sandbox = await startConverseSandbox(brain ? { brain } : {});
  open.push(sandbox);
  return { sandbox, client: createBedrockRuntime({ region: 'us-east-1', endpoint: sandbox.endpoint }) };
};

describe('evaluateTriage', () => {
  it('runs five labelled signals through both passes against the local Converse sandbox', async () => {
    // Prepare
    const items = (await loadLabelledSet()).slice(0, 5);
    const { sandbox, client } = await sandboxClient();

    // Act
    const result = await evaluateTriage(items, { client, settings: defaultSettings() });

    // Assess
    expect(result.signals.map((s) => s.id)).toEqual(items.map((i) => i.id));
    expect(result.signals.every((s) => s.via === 'model' && s.predicted.category !== null && s.predicted.injection !== null)).toBe(true);
    expect(result.failedClosed).toEqual([]);
    expect(result.categories.total).toBe(5);
    expect(result.injection.total).toBe(5);
    expect(result.usage.total.calls).toBe(2);
    expect(result.usage.total.inputTokens).toBeGreaterThan(0);
    expect(result.usage.total.outputTokens).toBeGreaterThan(0);
    expect(result.usage.total.costUsd).toBeGreaterThan(0);
    for (const pass of result.usage.passes) {
      expect(pass).toMatchObject({ calls: 1, repairCalls: 0, signals: 5 });
      expect(pass.promptTokensPerSignal).toBeGreaterThan(0);
      expect(pass.outputTokensPerSignal).toBeGreaterThan(0);
    }
    expect(recordAgrees(recordedUsageByPass(sandbox.calls()), result.usage)).toBe(true);
  });

  it('reports signals that failed closed apart, as misses with no prediction', async () => {
    // Prepare: pass 1 answers in prose twice, so the batch fails closed after its repair turn
    const items = (await loadLabelledSet()).slice(0, 5);
    const { client } = await sandboxClient(scriptedBrain([proseReply(), proseReply()]));

    // Act
    const result = await evaluateTriage(items, { client, settings: defaultSettings() });

    // Assess
    expect(result.failedClosed.map((f) => f.id)).toEqual(items.map((i) => i.id));
    expect(result.failedClosed.every((f) => f.pass === 1 && f.reason.includes('pass 1 failed closed'))).toBe(true);
    expect(result.categories).toMatchObject({ unpredicted: 5, correct: 0, accuracy: 0 });
    // fail-closed escalates as decision_needed, but that is not counted as a prediction
    expect(result.categories.perLabel.find((m) => m.label === 'decision_needed')?.predicted).toBe(0);
    expect(result.injection.noVerdict).toBe(5);
    expect(result.usage.passes.map((p) => [p.pass, p.calls, p.repairCalls, p.signals])).toEqual([
      ['triage_sanitise', 2, 1, 5],
      ['triage_classify', 0, 0, 0],
    ]);
  });

  it('batches by the batch size it is given', async () => {
    // Prepare
    const items = (await loadLabelledSet()).slice(0, 5);
    const { client } = await sandboxClient();

    // Act
    const result = await evaluateTriage(items, { client, settings: defaultSettings(), batchSize: 2 });

    // Assess
    expect(result.batchSize).toBe(2);
    expect(result.usage.passes.map((p) => p.calls)).toEqual([3, 3]);
    expect(result.usage.callsPer50Planned).toBe(50);
  });
});

describe('formatReport', () => {
  it('prints every category, the macro averages, injection, failed-closed and token lines', async () => {
    // Prepare
    const items = (await loadLabelledSet()).slice(0, 5);
    const { sandbox, client } = await sandboxClient();
    const result = await evaluateTriage(items, { client, settings: defaultSettings() });

    // Act
    const text = formatReport(result, { setFile: 'set.json', target: 'the sandbox', recorded: recordedUsageByPass(sandbox.calls()) }).join('\n');

    // Assess
    for (const category of CATEGORIES) expect(text).toMatch(new RegExp(`^${category} `, 'm'));
    expect(text).toContain('macro average (');
    expect(text).toMatch(/^injectionSuspected /m);
    expect(text).toContain('Failed closed: 0 of 5');
    expect(text).toMatch(/^pass 1 sanitise /m);
    expect(text).toMatch(/^pass 2 classify /m);
    expect(text).toContain('Calls per 50 signals: 6 at batch size 20');
    expect(text).toContain('agrees with the usage the client reported');
  });
});
