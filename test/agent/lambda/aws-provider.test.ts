import { beforeAll, describe, expect, it } from 'vitest';
import { awsProvider } from '@agentic-pm/agent/lambda';
import type { JiraClient } from '@agentic-pm/integrations';
import { fenced } from '../../../packages/agent/src/fencing';

/** SST hands a function its links as SST_RESOURCE_<name> variables; this file's worker is its own process. */
const link = (name: string, value: unknown) => {
  process.env[`SST_RESOURCE_${name}`] = JSON.stringify(value);
};

beforeAll(() => {
  link('App', { name: 'agentic-pm', stage: 'test' });
  link('AgentTable', { name: 'agentic-pm-test' });
  link('AgentConfig', { jiraBaseUrl: 'https://acme.atlassian.net', jiraEmail: 'pm@acme.test', graphTenantId: 't', graphClientId: 'c', settings: '{}' });
});

const fakeJira = (): JiraClient => ({
  pollChanges: async () => ({ changes: [], checkpointMs: 0 }) as never,
  addComment: async () => ({ commentId: 'c1', alreadyPresent: false }),
  transitionIssue: async () => ({ changed: true }),
  updateField: async () => undefined,
});

describe('awsProvider', () => {
  it('builds a client the function names on first use, once', async () => {
    // Prepare
    let built = 0;
    const jira = fakeJira();
    const provider = awsProvider({ jira: () => ((built += 1), jira) });

    // Act
    const ctx = await provider.context();
    const before = built;
    const first = ctx.jira;
    const second = ctx.jira;

    // Assess
    expect(before).toBe(0);
    expect(first).toBe(jira);
    expect(second).toBe(jira);
    expect(built).toBe(1);
  });

  it('fails naming the client when a step reaches for one its function was not given', async () => {
    // Prepare
    const ctx = await awsProvider({ jira: fakeJira }).context();

    // Act & Assess
    expect(() => ctx.mailer).toThrow(/the mailer client is not built for .*: add it to its awsProvider clients/);
    expect(() => ctx.bedrock).toThrow(/the bedrock client is not built/);
    expect(() => ctx.senderAddress).toThrow(/AgentEmail is not linked/);
  });

  it('reads the table and settings from the links', async () => {
    // Act
    const ctx = await awsProvider().context();

    // Assess
    expect(ctx.table.name).toBe('agentic-pm-test');
    expect(ctx.settings.dailyBudgetUsd).toBeGreaterThan(0);
  });

  it('keeps clients unbuilt through fenced(), which copies accessors instead of reading them', async () => {
    // Prepare
    let built = 0;
    const ctx = await awsProvider({ jira: () => ((built += 1), fakeJira()) }).context();

    // Act
    const step = fenced(ctx, { runId: 'run-1', time: '2026-03-02T09:00:00.000Z', acquired: true, leaseVersion: 3, projects: 1, housekeepingDue: false, openWork: 0 });

    // Assess
    expect(built).toBe(0);
    expect(step.fence).toEqual({ runId: 'run-1', leaseVersion: 3 });
    expect(step.table).toBe(ctx.table);
    expect(() => step.senderAddress).toThrow(/AgentEmail is not linked/);
    expect(step.jira).toBe(ctx.jira);
    expect(built).toBe(1);
  });
});
