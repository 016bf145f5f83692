import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IntegrationError } from '@agentic-pm/domain';
import { createGraphClient, type GraphClient } from '@agentic-pm/integrations';
import { mailBodyText } from '../../packages/integrations/src/graph/mail-body';
import { startFuzzServer, type FuzzServer } from './responses';
import { thrownBy } from './properties';

const MAILBOX = 'pm@acme.test';
const message = (id: string) => ({ id, receivedDateTime: '2026-03-02T08:05:00Z', subject: 'Hello', from: { emailAddress: { address: 'dana@vendor.test' } }, body: { contentType: 'text', content: 'hi' } });

describe('Graph bad-input regressions', () => {
  let server: FuzzServer;
  let graph: GraphClient;
  const serve = (page: unknown): void =>
    server.answer([
      [/\/oauth2\/v2\.0\/token$/, () => ({ status: 200, text: JSON.stringify({ access_token: 'token-1', expires_in: 3599 }) })],
      [/\/messages\/delta$/, () => ({ status: 200, text: JSON.stringify(page) })],
    ]);

  beforeAll(async () => {
    server = await startFuzzServer();
    graph = createGraphClient({ graphBaseUrl: server.baseUrl, authorityBaseUrl: server.baseUrl, tenantId: 't1', clientId: 'c1', clientSecret: 'secret-1', maxAttempts: 1 });
  });
  afterAll(async () => {
    await server.close();
  });

  it('reads an HTML body nested thousands of elements deep (was: RangeError in every poll of the mailbox)', async () => {
    // Prepare
    const html = `${'<div>'.repeat(20_000)}Can we move the &amp; review?<br>Thanks${'</div>'.repeat(20_000)}`;

    // Act
    const text = await mailBodyText({ contentType: 'html', content: html }, 4000);

    // Assess
    expect(text).toBe('Can we move the & review?\nThanks');
  });

  it.each([['@odata.nextLink'], ['@odata.deltaLink']])('refuses a page whose %s is not a URL, naming it (was: TypeError: Invalid URL)', async (field) => {
    // Prepare
    serve({ value: [message('AAMkAD1')], [field]: 'http://[' });

    // Act
    const error = await thrownBy(() => graph.deltaRound(MAILBOX, null));

    // Assess
    expect(error).toBeInstanceOf(IntegrationError);
    expect((error as Error).message).toBe(`Graph delta page for ${MAILBOX} is not a delta page: $.${field}: must be a URL`);
  });

  it('refuses a message id too long for a table key, naming its path', async () => {
    // Prepare
    serve({ value: [message('A'.repeat(2_000))], '@odata.deltaLink': `${server.baseUrl}/delta?$deltatoken=1` });

    // Act
    const error = await thrownBy(() => graph.deltaRound(MAILBOX, null));

    // Assess
    expect(error).toBeInstanceOf(IntegrationError);
    expect((error as Error).message).toMatch(/^Graph delta item for pm@acme\.test is not a message: \$\.id: Too big/);
  });

  it('reports a refused token request as such, asking for a token once (was: retried 4 times and reported as "no response")', async () => {
    // Prepare
    let tokenRequests = 0;
    const retrying = createGraphClient({ graphBaseUrl: server.baseUrl, authorityBaseUrl: server.baseUrl, tenantId: 't1', clientId: 'c1', clientSecret: 'wrong', maxAttempts: 4, maxRetryDelayMs: 1 });
    server.answer([[/\/oauth2\/v2\.0\/token$/, () => ((tokenRequests += 1), { status: 401, text: JSON.stringify({ error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.' }) })]]);

    // Act
    const error = await thrownBy(() => retrying.deltaRound(MAILBOX, null));

    // Assess
    expect(error).toBeInstanceOf(IntegrationError);
    expect((error as Error).message).toBe('token request for tenant t1 failed with 401 invalid_client: AADSTS7000215: Invalid client secret provided.');
    expect(tokenRequests).toBe(1);
  });
});
