import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IntegrationError, redactSecrets, REDACTED } from '@agentic-pm/domain';
import { createTelemetry } from '@agentic-pm/agent/lambda';
import { captureProcessOutput, type LogCapture } from './log-capture';

const SEED = 20_260_124;

let capture: LogCapture | undefined;
afterEach(() => capture?.stop());

/** The JSON lines the logger printed while `log` ran. */
const logged = (log: (logger: ReturnType<typeof createTelemetry>['logger']) => void): Array<Record<string, unknown>> => {
  const { logger } = createTelemetry({ logLevel: 'DEBUG' });
  capture = captureProcessOutput();
  log(logger);
  capture.stop();
  return capture.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
};

describe('the step logger redacts credentials', () => {
  it('blanks the value of every sensitive key, at any depth, and keeps the rest', () => {
    // Prepare
    const canary = 'canary-7f3a9c';
    const request = {
      authorization: `Basic ${canary}1`, Authorization: `Bearer ${canary}2`, token: `${canary}3`, access_token: `${canary}4`,
      client_secret: `${canary}5`, apiToken: `${canary}6`, password: `${canary}7`,
      nested: { headers: { Authorization: `Bearer ${canary}8` }, list: [{ jiraApiToken: `${canary}9` }] },
      inputTokens: 1200, maxTokens: 512, projectId: 'atlas',
    };

    // Act
    const [line] = logged((logger) => logger.info('calling Jira', { request }));

    // Assess
    const text = JSON.stringify(line);
    expect(text).not.toContain(canary);
    const out = (line as { request: typeof request }).request;
    for (const key of ['authorization', 'Authorization', 'token', 'access_token', 'client_secret', 'apiToken', 'password'] as const) expect(out[key]).toBe(REDACTED);
    expect(out.nested.headers.Authorization).toBe(REDACTED);
    expect(out.nested.list[0]?.jiraApiToken).toBe(REDACTED);
    expect(out).toMatchObject({ inputTokens: 1200, maxTokens: 512, projectId: 'atlas' });
  });

  it('scrubs a Bearer or Basic credential from the message, strings and a logged error', () => {
    // Prepare
    const error = new IntegrationError('Jira GET /rest/api/3/myself failed with 401: echo authorization: Basic ZW1haWw6Y2FuYXJ5LTEyMw==', 401);

    // Act
    const lines = logged((logger) => {
      logger.info('retrying with Bearer eyJhbGciOi.canary-456.sig', { note: 'header was "Authorization: Bearer canary-789.x"' });
      logger.error('Poll Jira failed', error);
    });

    // Assess
    const text = lines.map((l) => JSON.stringify(l)).join('\n');
    expect(text).not.toMatch(/canary|ZW1haWw6Y2FuYXJ5LTEyMw/);
    expect(lines[0]?.message).toBe('retrying with Bearer [redacted]');
    expect((lines[1]?.error as { message: string }).message).toContain('Basic [redacted]');
    expect((lines[1]?.error as { name: string }).name).toBe('IntegrationError');
  });

  it('leaves ordinary prose and counts alone', () => {
    // Act
    const [line] = logged((logger) => logger.info('Triage done', { result: { triaged: 4, note: 'Basic information about the token budget' } }));

    // Assess
    expect(line?.result).toEqual({ triaged: 4, note: 'Basic information about the token budget' });
  });

  it('never lets a known secret through, in any of its encodings, whatever surrounds it', () => {
    // Prepare
    const secret = fc.string({ minLength: 8, maxLength: 40 }).filter((s) => s.trim().length >= 8);
    fc.assert(
      fc.property(secret, fc.string({ maxLength: 60 }), fc.string({ maxLength: 60 }), fc.constantFrom<(s: string) => string>(
        (s) => s, encodeURIComponent, (s) => Buffer.from(s).toString('base64'), (s) => new URLSearchParams({ s }).toString().slice(2),
      ), (value, before, after, encode) => {
        // Act
        const out = redactSecrets(`${before}${encode(value)}${after}`, [value]);

        // Assess
        expect(out).not.toContain(encode(value));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('redacts a megabyte of text in linear time', () => {
    // Prepare
    const huge = `${'a'.repeat(500_000)} ${'token'.repeat(100_000)}`;

    // Act
    const started = performance.now();
    redactSecrets(huge, ['canary-secret']);

    // Assess
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
