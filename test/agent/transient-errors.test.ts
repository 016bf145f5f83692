import { ThrottlingException } from '@aws-sdk/client-bedrock-runtime';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { isTransient, toStepError, TransientError } from '@agentic-pm/agent';
import { IntegrationError } from '@agentic-pm/domain';

describe('transient errors', () => {
  it.each([
    ['a Jira 429', new IntegrationError('throttled', 429), true],
    ['a Jira 503', new IntegrationError('unavailable', 503), true],
    ['a dropped connection', new IntegrationError('socket hang up'), true],
    ['a Bedrock throttle', new ThrottlingException({ message: 'slow down', $metadata: {} }), true],
    ['a Jira 400', new IntegrationError('bad transition', 400), false],
    ['a lost conditional write', new ConditionalCheckFailedException({ message: 'no', $metadata: {} }), false],
    ['a plain bug', new TypeError('x is undefined'), false],
  ])('classifies %s', (_name, error, expected) => {
    // Act & Assess
    expect(isTransient(error)).toBe(expected);
  });

  it('renames transient errors so the state machine Retry matches them, keeping the cause', () => {
    // Prepare
    const original = new IntegrationError('Jira answered 503', 503);

    // Act
    const mapped = toStepError(original) as Error;

    // Assess
    expect(mapped).toBeInstanceOf(TransientError);
    expect(mapped.name).toBe('TransientError');
    expect(mapped.cause).toBe(original);
    expect(toStepError(new TypeError('bug'))).toBeInstanceOf(TypeError);
  });
});
