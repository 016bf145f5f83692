import { afterEach, describe, expect, it } from 'vitest';
import { IntegrationError } from '@agentic-pm/domain';
import { createGraphClient, createJiraClient } from '@agentic-pm/integrations';
import { startLoopbackServer, type LoopbackServer, type SandboxRequest, type SandboxResponse } from '../../packages/sandboxes/src/http/loopback-server';

// Recognisable values: a leak is a plain substring search away.
const EMAIL = 'agent@acme.test';
const API_TOKEN = 'CANARY-jira-token-3c91+/x';
const CLIENT_SECRET = 'CANARY-graph-secret-77e2&=z';
const ACCESS_TOKEN = 'CANARY-graph-access-token-5ab0';

/** Every form a secret takes on the wire: as is, in a form body, in a Basic header. */
const forbidden = [
  API_TOKEN, CLIENT_SECRET, ACCESS_TOKEN,
  encodeURIComponent(API_TOKEN), encodeURIComponent(CLIENT_SECRET), new URLSearchParams({ s: CLIENT_SECRET }).toString().slice(2),
  Buffer.from(`${EMAIL}:${API_TOKEN}`).toString('base64'),
];

/** The request as a proxy or debug endpoint would echo it: request line, headers, body. */
const dump = (request: SandboxRequest): string =>
  [`${request.method} ${request.url.pathname}${request.url.search}`, ...Object.entries(request.headers).map(([k, v]) => `${k}: ${String(v)}`), '', request.body].join('\n');

type Echo = (request: SandboxRequest) => SandboxResponse;

/** How an error body can carry the echoed request. */
const ECHOES: Record<string, { jira: Echo; graph: Echo; token: Echo }> = {
  'plain text': {
    jira: (r) => ({ status: 400, text: dump(r) }),
    graph: (r) => ({ status: 400, text: dump(r) }),
    token: (r) => ({ status: 400, text: dump(r) }),
  },
  'the API error shape': {
    jira: (r) => ({ status: 400, json: { errorMessages: [dump(r)], errors: { authorization: String(r.headers.authorization) } } }),
    graph: (r) => ({ status: 401, json: { error: { code: 'InvalidAuthenticationToken', message: dump(r) } } }),
    token: (r) => ({ status: 401, json: { error: 'invalid_client', error_description: dump(r) } }),
  },
  'headers as JSON': {
    jira: (r) => ({ status: 500, json: { message: JSON.stringify(r.headers) } }),
    graph: (r) => ({ status: 500, json: { error: { code: 'generalException', message: JSON.stringify({ headers: r.headers }) } } }),
    token: (r) => ({ status: 500, json: { error: 'server_error', error_description: JSON.stringify({ form: Object.fromEntries(new URLSearchParams(r.body)) }) } }),
  },
};

const servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const serve = async (handler: Echo): Promise<string> => {
  const server = await startLoopbackServer(handler);
  servers.push(server);
  return server.baseUrl;
};

const failureOf = async (promise: Promise<unknown>): Promise<IntegrationError> => {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(IntegrationError);
  return error as IntegrationError;
};

const expectNoSecret = (error: Error): void => {
  const text = `${error.message}\n${error.stack ?? ''}`;
  for (const secret of forbidden) expect(text).not.toContain(secret);
};

describe.each(Object.entries(ECHOES))('an HTTP error that echoes the request (%s) names no credential', (_shape, echo) => {
  it('in a Jira client error', async () => {
    // Prepare
    const baseUrl = await serve(echo.jira);
    const jira = createJiraClient({ baseUrl, email: EMAIL, apiToken: API_TOKEN, maxAttempts: 1 });

    // Act
    const error = await failureOf(jira.addComment('ATL-1', 'hello', 'marker-1'));

    // Assess
    expect(error.message).toMatch(/^Jira (GET|POST) \/rest\/api\/3\/issue\/ATL-1\/comment failed with \d{3}/);
    expectNoSecret(error);
  });

  it('in a Graph token request error', async () => {
    // Prepare
    const baseUrl = await serve(echo.token);
    const graph = createGraphClient({ graphBaseUrl: baseUrl, authorityBaseUrl: baseUrl, tenantId: 't1', clientId: 'c1', clientSecret: CLIENT_SECRET, maxAttempts: 1 });

    // Act
    const error = await failureOf(graph.deltaRound('pm@acme.test', null));

    // Assess
    expect(error.message).toMatch(/token request for tenant t1 failed with \d{3}/);
    expectNoSecret(error);
  });

  it('in a Graph API error', async () => {
    // Prepare
    const baseUrl = await serve((r) =>
      r.url.pathname.endsWith('/oauth2/v2.0/token') ? { status: 200, json: { access_token: ACCESS_TOKEN, expires_in: 3599 } } : echo.graph(r),
    );
    const graph = createGraphClient({ graphBaseUrl: baseUrl, authorityBaseUrl: baseUrl, tenantId: 't1', clientId: 'c1', clientSecret: CLIENT_SECRET, maxAttempts: 1 });

    // Act
    const error = await failureOf(graph.deltaRound('pm@acme.test', null));

    // Assess
    expect(error.message).toMatch(/^Graph GET \/v1\.0\/users\/pm%40acme\.test\/mailFolders\/inbox\/messages\/delta for pm@acme\.test failed with \d{3}/);
    expectNoSecret(error);
  });
});
