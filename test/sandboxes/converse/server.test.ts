import { afterEach, describe, expect, it } from 'vitest';
import {
  ConverseCommand, type BedrockRuntimeClient, InternalServerException, ModelTimeoutException, ServiceUnavailableException,
  ThrottlingException, ValidationException, type ConverseCommandInput,
} from '@aws-sdk/client-bedrock-runtime';
import { HAIKU_4_5, SONNET_4_5 } from '@agentic-pm/domain';
import { createBedrockRuntime } from '@agentic-pm/llm';
import {
  CACHE_TTL_MS, internalServerError, modelTimeout, proseReply, scriptedBrain, serviceUnavailable, startConverseSandbox, throttled,
  toolCall, validationError, type Brain, type BrainReply, type ConverseSandbox,
} from '../../../packages/sandboxes/src/converse';

const open: ConverseSandbox[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

const start = async (brain: Brain, now?: () => number): Promise<{ sandbox: ConverseSandbox; client: BedrockRuntimeClient }> => {
  const sandbox = await startConverseSandbox({ brain, ...(now ? { now } : {}) });
  open.push(sandbox);
  // One attempt: these tests look at single answers, not at retries.
  return { sandbox, client: createBedrockRuntime({ region: 'us-east-1', endpoint: sandbox.endpoint, maxAttempts: 1 }) };
};

const request = (overrides: Partial<ConverseCommandInput> = {}): ConverseCommandInput => ({
  modelId: HAIKU_4_5,
  messages: [{ role: 'user', content: [{ text: 'Summarise the week.' }] }],
  ...overrides,
});

describe('Converse sandbox', () => {
  it.each<[string, BrainReply, abstract new (...args: never[]) => Error, number]>([
    ['429 ThrottlingException', throttled(), ThrottlingException, 429],
    ['408 ModelTimeoutException', modelTimeout(), ModelTimeoutException, 408],
    ['503 ServiceUnavailableException', serviceUnavailable(), ServiceUnavailableException, 503],
    ['500 InternalServerException', internalServerError(), InternalServerException, 500],
    ['400 ValidationException', validationError('Malformed input request'), ValidationException, 400],
  ])('answers %s in Bedrock\'s shape, which the SDK maps to its exception class', async (_name, reply, errorClass, status) => {
    // Prepare
    const { client } = await start(scriptedBrain([reply]));

    // Act
    const failure = client.send(new ConverseCommand(request()));

    // Assess
    await expect(failure).rejects.toBeInstanceOf(errorClass);
    await expect(failure).rejects.toMatchObject({ $metadata: { httpStatusCode: status } });
  });

  it('serves POST /model/{modelId}/converse with the model id URL-decoded', async () => {
    // Prepare
    const { sandbox, client } = await start(scriptedBrain([proseReply('Fine.')]));

    // Act
    const response = await client.send(new ConverseCommand(request({ modelId: SONNET_4_5 })));

    // Assess
    expect(response.output?.message).toEqual({ role: 'assistant', content: [{ text: 'Fine.' }] });
    expect(sandbox.calls()[0]?.modelId).toBe(SONNET_4_5);
  });

  it('counts usage from the request and response bodies: ceil(chars / 4)', async () => {
    // Prepare
    const schema = { type: 'object', properties: { note: { type: 'string' } } };
    const { client } = await start(scriptedBrain([toolCall('record', { note: 'All green.' })]));

    // Act
    const response = await client.send(
      new ConverseCommand(
        request({
          system: [{ text: 'You are terse.' }],
          toolConfig: { tools: [{ toolSpec: { name: 'record', description: 'Record a note.', inputSchema: { json: schema } } }], toolChoice: { tool: { name: 'record' } } },
        }),
      ),
    );

    // Assess
    const inputChars = 'record'.length + 'Record a note.'.length + JSON.stringify(schema).length + 'You are terse.'.length + 'Summarise the week.'.length;
    const outputChars = 'record'.length + JSON.stringify({ note: 'All green.' }).length;
    expect(response.usage).toEqual({
      inputTokens: Math.ceil(inputChars / 4),
      outputTokens: Math.ceil(outputChars / 4),
      totalTokens: Math.ceil(inputChars / 4) + Math.ceil(outputChars / 4),
      cacheReadInputTokens: 0,
      cacheWriteInputTokens: 0,
    });
    expect(response.stopReason).toBe('tool_use');
  });

  it('writes a cached prefix once, reads it within five minutes, and writes again after', async () => {
    // Prepare: a 1,100-token system prompt passes Sonnet's 1,024 minimum
    let now = Date.parse('2026-03-02T08:00:00Z');
    const { client } = await start(() => proseReply('ok'), () => now);
    const cached = request({ modelId: SONNET_4_5, system: [{ text: 'x'.repeat(4_400) }, { cachePoint: { type: 'default' } }] });

    // Act
    const first = await client.send(new ConverseCommand(cached));
    now += CACHE_TTL_MS - 1;
    const second = await client.send(new ConverseCommand(cached));
    now += CACHE_TTL_MS + 1;
    const third = await client.send(new ConverseCommand(cached));

    // Assess
    expect(first.usage).toMatchObject({ cacheWriteInputTokens: 1_100, cacheReadInputTokens: 0, inputTokens: 5 });
    expect(second.usage).toMatchObject({ cacheWriteInputTokens: 0, cacheReadInputTokens: 1_100, inputTokens: 5 });
    expect(third.usage).toMatchObject({ cacheWriteInputTokens: 1_100, cacheReadInputTokens: 0 });
  });

  it('does not cache a prefix under the model minimum', async () => {
    // Prepare: 1,100 tokens is under Haiku 4.5's 4,096
    const { client } = await start(() => proseReply('ok'));
    const cached = request({ modelId: HAIKU_4_5, system: [{ text: 'x'.repeat(4_400) }, { cachePoint: { type: 'default' } }] });

    // Act
    await client.send(new ConverseCommand(cached));
    const second = await client.send(new ConverseCommand(cached));

    // Assess
    expect(second.usage).toMatchObject({ inputTokens: 1_105, cacheWriteInputTokens: 0, cacheReadInputTokens: 0 });
  });

  it('cuts an answer off at maxTokens with stopReason max_tokens', async () => {
    // Prepare
    const { client } = await start(scriptedBrain([proseReply('word '.repeat(100))]));

    // Act
    const response = await client.send(new ConverseCommand(request({ inferenceConfig: { maxTokens: 10 } })));

    // Assess
    expect(response.stopReason).toBe('max_tokens');
    expect(response.usage?.outputTokens).toBe(10);
    expect(response.output?.message?.content?.[0]?.text).toHaveLength(40);
  });

  it.each<[string, ConverseCommandInput['messages'], RegExp]>([
    [
      'a toolUse without its toolResult',
      [
        { role: 'user', content: [{ text: 'go' }] },
        { role: 'assistant', content: [{ toolUse: { toolUseId: 'tu_1', name: 'record', input: {} } }] },
        { role: 'user', content: [{ text: 'and?' }] },
      ],
      /Expected toolResult blocks at messages\.2\.content for the following Ids: tu_1/,
    ],
    ['two user turns in a row', [{ role: 'user', content: [{ text: 'a' }] }, { role: 'user', content: [{ text: 'b' }] }], /must alternate/],
    ['an empty message', [{ role: 'user', content: [] }], /messages\.0 is empty/],
  ])('rejects %s as Bedrock does', async (_name, messages, message) => {
    // Prepare
    const { sandbox, client } = await start(scriptedBrain([proseReply('unreached')]));
    const tools = { tools: [{ toolSpec: { name: 'record', inputSchema: { json: { type: 'object' } } } }] };

    // Act
    const failure = client.send(new ConverseCommand(request({ messages, toolConfig: tools })));

    // Assess
    await expect(failure).rejects.toBeInstanceOf(ValidationException);
    await expect(failure).rejects.toThrow(message);
    expect(sandbox.calls()[0]?.response).toMatchObject({ error: { status: 400, type: 'ValidationException' } });
  });

  it('reports an exhausted script without retries', async () => {
    // Prepare
    const brain = scriptedBrain([proseReply('only one')]);
    const { client } = await start(brain);
    await client.send(new ConverseCommand(request()));

    // Act & Assess
    await expect(client.send(new ConverseCommand(request()))).rejects.toThrow(/no step left after 1 call/);
    expect(brain.remaining()).toBe(0);
  });

  it('answers anything but Converse with 404', async () => {
    // Prepare
    const { sandbox } = await start(scriptedBrain([]));

    // Act
    const response = await fetch(`${sandbox.endpoint}/model/x/invoke`, { method: 'POST', body: '{}' });

    // Assess
    expect(response.status).toBe(404);
    expect(response.headers.get('x-amzn-errortype')).toMatch(/^UnknownOperationException:/);
  });
});
