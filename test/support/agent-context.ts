import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import type { AgentContext, MetricName } from '@agentic-pm/agent';
import { defaultSettings, type ProjectConfig } from '@agentic-pm/domain';
import type { GraphClient, JiraClient, OutgoingEmail } from '@agentic-pm/integrations';
import { acquireLease, putProject } from '@agentic-pm/storage';
import type { RunRef } from '@agentic-pm/agent';
import { freshTable } from './fresh-table';

export interface TestContext {
  ctx: AgentContext;
  sent: OutgoingEmail[];
  jiraCalls: string[];
  run: RunRef;
}

const unused = (name: string) => () => Promise.reject(new Error(`${name} is not used by this test`));

/** A context on a fresh table with recording fakes for Jira and mail, the lease taken by `run`. */
export const testContext = async (projects: ProjectConfig[], jira: Partial<JiraClient> = {}, time = '2026-03-02T09:00:00.000Z'): Promise<TestContext> => {
  const table = await freshTable();
  for (const p of projects) await putProject(table, p, time);
  const sent: OutgoingEmail[] = [];
  const jiraCalls: string[] = [];
  const lease = await acquireLease(table, 'run-1', time, 600);
  if (!lease.acquired) throw new Error('lease not acquired');
  const record = <A extends unknown[], R>(name: string, fn: ((...args: A) => Promise<R>) | undefined, fallback: R) => async (...args: A): Promise<R> => {
    jiraCalls.push(`${name} ${args.map(String).join(' ')}`);
    return fn ? fn(...args) : fallback;
  };
  const ctx: AgentContext = {
    table,
    settings: defaultSettings(),
    jira: {
      pollChanges: jira.pollChanges ?? unused('pollChanges'),
      addComment: record('addComment', jira.addComment, { commentId: 'c1', alreadyPresent: false }),
      transitionIssue: record('transitionIssue', jira.transitionIssue, { changed: true }),
      updateField: record('updateField', jira.updateField, undefined),
    },
    graph: { deltaRound: unused('deltaRound') } as GraphClient,
    mailer: { send: async (email) => { sent.push(email); return { messageId: `m${sent.length}` }; } },
    bedrock: new BedrockRuntimeClient({ region: 'us-east-1', endpoint: 'http://127.0.0.1:9', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }),
    senderAddress: 'agent@agentic-pm.local',
    metrics: { count: (_n: MetricName, _v: number) => undefined, usd: (_n: MetricName, _v: number) => undefined },
  };
  return { ctx, sent, jiraCalls, run: { runId: 'run-1', time, acquired: true, leaseVersion: lease.lease.version, projects: projects.length, housekeepingDue: false, openWork: 0 } };
};
