import { describe, expect, it } from 'vitest';
import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { HAIKU_4_5 } from '@agentic-pm/domain';
import { isLoopbackEndpoint } from '@agentic-pm/llm';
import {
  internalServerError, modelTimeout, proseReply, scriptedBrain, serviceUnavailable, throttled, validationError, type BrainReply,
} from '../../packages/sandboxes/src/converse';
import { harness } from './fixtures';

const hello = new ConverseCommand({ modelId: HAIKU_4_5, messages: [{ role: 'user', content: [{ text: 'Hello' }] }] });

describe('createBedrockRuntime', () => {
  it('talks to a loopback sandbox over HTTP/1.1 with dummy credentials', async () => {
    // Prepare
    const h = await harness({ brain: scriptedBrain([proseReply('Hi.')]) });

    // Act
    const response = await h.client.send(hello);

    // Assess
    expect(response.output?.message?.content).toEqual([{ text: 'Hi.' }]);
    expect(response.stopReason).toBe('end_turn');
    expect(await h.client.config.credentials()).toMatchObject({ accessKeyId: 'local-sandbox' });
  });

  it('lets the SDK retry throttling (adaptive mode) and then succeed', async () => {
    // Prepare
    const h = await harness({ brain: scriptedBrain([throttled(), proseReply('Hi.')]) });

    // Act
    const response = await h.client.send(hello);

    // Assess
    expect(response.$metadata.attempts).toBe(2);
    expect(h.sandbox.calls()).toHaveLength(2);
  });

  it.each<[string, BrainReply]>([
    ['ModelTimeoutException', modelTimeout()],
    ['ServiceUnavailableException', serviceUnavailable()],
    ['InternalServerException', internalServerError()],
  ])('retries %s', async (_name, error) => {
    // Prepare
    const h = await harness({ brain: scriptedBrain([error, error, proseReply('Hi.')]) });

    // Act
    const response = await h.client.send(hello);

    // Assess
    expect(response.$metadata.attempts).toBe(3);
  });

  it('gives up after maxAttempts with the service exception', async () => {
    // Prepare
    const h = await harness({ brain: scriptedBrain([modelTimeout(), modelTimeout(), proseReply('too late')]), maxAttempts: 2 });

    // Act & Assess
    await expect(h.client.send(hello)).rejects.toMatchObject({ name: 'ModelTimeoutException', $metadata: { attempts: 2 } });
  });

  it('does not retry a ValidationException', async () => {
    // Prepare
    const h = await harness({ brain: scriptedBrain([validationError('bad request'), proseReply('unreached')]) });

    // Act & Assess
    await expect(h.client.send(hello)).rejects.toMatchObject({ name: 'ValidationException', message: 'bad request' });
    expect(h.sandbox.calls()).toHaveLength(1);
  });

  it('recognises loopback endpoints only', () => {
    // Act & Assess
    expect(isLoopbackEndpoint('http://127.0.0.1:4010')).toBe(true);
    expect(isLoopbackEndpoint('http://localhost:4010')).toBe(true);
    expect(isLoopbackEndpoint('https://bedrock-runtime.us-east-1.amazonaws.com')).toBe(false);
  });
});
