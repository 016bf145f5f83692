import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { HAIKU_4_5, ModelOutputError } from '@agentic-pm/domain';
import { callTool, toolInputSchema, type ToolSpec } from '@agentic-pm/llm';
import { brokenJsonToolCall, proseReply, scriptedBrain, toolCall } from '../../packages/sandboxes/src/converse';
import { bodies, harness, type LlmHarness } from './fixtures';

const answerSchema = z.object({ verdict: z.enum(['yes', 'no']), reasons: z.array(z.string()).max(2) });
const TOOL: ToolSpec = { name: 'record_verdict', description: 'Record the verdict.', inputSchema: toolInputSchema(answerSchema) };

const ask = (h: LlmHarness, maxTokens = 200) =>
  callTool({
    client: h.client,
    modelId: HAIKU_4_5,
    system: 'Decide.',
    messages: [{ role: 'user', content: [{ text: 'Is the sky blue?' }] }],
    tool: TOOL,
    zodSchema: answerSchema,
    maxTokens,
    onUsage: h.onUsage,
    purpose: 'triage_classify',
  });

describe('callTool', () => {
  it('forces the tool, validates the answer and reports usage', async () => {
    // Prepare
    const h = await harness({ brain: scriptedBrain([toolCall('record_verdict', { verdict: 'yes', reasons: ['Rayleigh scattering'] })]) });

    // Act
    const answer = await ask(h);

    // Assess
    expect(answer).toEqual({ verdict: 'yes', reasons: ['Rayleigh scattering'] });
    const [body] = bodies(h.sandbox);
    expect(body?.toolConfig?.toolChoice).toEqual({ tool: { name: 'record_verdict' } });
    expect(body?.inferenceConfig?.maxTokens).toBe(200);
    expect(h.usage).toHaveLength(1);
    expect(h.usage[0]).toMatchObject({ model: HAIKU_4_5, purpose: 'triage_classify' });
    expect(h.usage[0]?.inputTokens).toBeGreaterThan(0);
    expect(h.usage[0]?.outputTokens).toBeGreaterThan(0);
  });

  it('repairs a prose answer with one turn that says what was wrong', async () => {
    // Prepare
    const h = await harness({ brain: scriptedBrain([proseReply(), toolCall('record_verdict', { verdict: 'no', reasons: [] })]) });

    // Act
    const answer = await ask(h);

    // Assess
    expect(answer.verdict).toBe('no');
    const repair = bodies(h.sandbox)[1];
    expect(repair?.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(JSON.stringify(repair?.messages[2])).toContain('no tool call; answer only by calling record_verdict');
    expect(h.usage.map((u) => u.repair ?? false)).toEqual([false, true]);
  });

  it('answers an invalid tool call with an error toolResult carrying the validation problems', async () => {
    // Prepare
    const h = await harness({
      brain: scriptedBrain([toolCall('record_verdict', { verdict: 'maybe', reasons: [] }, 'tooluse_1'), toolCall('record_verdict', { verdict: 'yes', reasons: [] })]),
    });

    // Act
    await ask(h);

    // Assess
    const [result] = bodies(h.sandbox)[1]?.messages[2]?.content ?? [];
    expect(result).toMatchObject({ toolResult: { toolUseId: 'tooluse_1', status: 'error' } });
    expect(JSON.stringify(result)).toContain('$.verdict');
  });

  it('repairs a tool input that is not valid JSON', async () => {
    // Prepare
    const h = await harness({ brain: scriptedBrain([brokenJsonToolCall('record_verdict'), toolCall('record_verdict', { verdict: 'yes', reasons: [] })]) });

    // Act
    const answer = await ask(h);

    // Assess
    expect(answer.verdict).toBe('yes');
    expect(JSON.stringify(bodies(h.sandbox)[1]?.messages[2])).toContain('not valid JSON');
  });

  it('throws ModelOutputError when the repair is invalid too, after exactly two calls', async () => {
    // Prepare
    const h = await harness({ brain: scriptedBrain([proseReply(), toolCall('record_verdict', { verdict: 'yes', reasons: ['a', 'b', 'c'] })]) });

    // Act
    const failure = ask(h);

    // Assess
    await expect(failure).rejects.toBeInstanceOf(ModelOutputError);
    await expect(failure).rejects.toThrow(/record_verdict .*after one repair turn: \$\.reasons/);
    expect(h.sandbox.calls()).toHaveLength(2);
    expect(h.usage).toHaveLength(2);
  });

  it('treats an answer cut off at maxTokens as invalid', async () => {
    // Prepare: the scripted answer is far longer than a 5-token budget
    const long = toolCall('record_verdict', { verdict: 'yes', reasons: ['x'.repeat(400)] });
    const h = await harness({ brain: scriptedBrain([long, long]) });

    // Act
    const failure = ask(h, 5);

    // Assess
    await expect(failure).rejects.toThrow(/cut off at 5 tokens/);
    expect(h.sandbox.calls().map((c) => (c.response as { stopReason?: string }).stopReason)).toEqual(['max_tokens', 'max_tokens']);
  });

  it('does not mistake a service error for bad output', async () => {
    // Prepare
    const h = await harness({ brain: scriptedBrain([{ error: { status: 403, type: 'AccessDeniedException', message: 'no model access' } }]) });

    // Act & Assess
    await expect(ask(h)).rejects.toMatchObject({ name: 'AccessDeniedException' });
    expect(h.sandbox.calls()).toHaveLength(1);
  });
});
