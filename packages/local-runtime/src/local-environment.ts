import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { AgentContext } from '@agentic-pm/agent';
import { createTelemetry, type ContextProvider } from '@agentic-pm/agent/lambda';
import type { AgentSettings } from '@agentic-pm/domain';
import { createGraphClient, createJiraClient, createOutboxMailer, staticSecrets } from '@agentic-pm/integrations';
import { createBedrockRuntime } from '@agentic-pm/llm';
import { offlineBrain, startConverseSandbox, startGraphSandbox, startJiraSandbox, type Brain } from '@agentic-pm/sandboxes';
import { ScenarioClock, type Scenario } from '@agentic-pm/scenario';
import { ensureTable, openTable, putProject, type Table } from '@agentic-pm/storage';
import { startDynamoDbLocal } from './dynamodb-local';
import { RecordingMetrics } from './recording-metrics';
import { LOCAL_TABLE_NAME } from './local-table';
import type { ChaosInjector } from './chaos/chaos-injector';

export interface LocalEnvironmentOptions {
  scenario: Scenario;
  settings: AgentSettings;
  dataDir: string;
  /** Use an already running DynamoDB Local (tests) instead of starting one. */
  dynamoEndpoint?: string;
  tableName?: string;
  brain?: Brain;
  /** Faults to inject through the sandboxes, the Converse brain and the agent's DynamoDB client. */
  chaos?: ChaosInjector;
  /** The Jira API token and Graph client secret the sandboxes accept; fresh random ones by default. Tests pass recognisable canaries. */
  credentials?: LocalCredentials;
}

export interface LocalCredentials {
  jiraApiToken: string;
  graphClientSecret: string;
}

export interface LocalEnvironment {
  table: Table;
  clock: ScenarioClock;
  provider: ContextProvider;
  metrics: RecordingMetrics;
  outboxDir: string;
  jiraWrites(): Array<{ at: string; issue: string; kind: 'comment' | 'transition' | 'field'; detail: string; text: string }>;
  llmCalls(): Array<{ modelId: string; request: unknown; response: unknown }>;
  stop(): Promise<void>;
}

export const LOCAL_SENDER = 'agent@agentic-pm.local';

/**
 * Everything AWS and the SaaS APIs provide, on loopback: DynamoDB Local, sandbox Jira and Graph
 * servers on the scenario's clock, a Converse endpoint with an offline brain, and an .eml outbox.
 * The agent reaches them through its real clients.
 */
export const startLocalEnvironment = async (options: LocalEnvironmentOptions): Promise<LocalEnvironment> => {
  const stops: Array<() => Promise<void>> = [];
  const stop = async (): Promise<void> => {
    for (const fn of stops.reverse()) await fn().catch(() => undefined);
  };
  try {
    const clock = new ScenarioClock(options.scenario.start);
    let endpoint = options.dynamoEndpoint;
    if (!endpoint) {
      const db = await startDynamoDbLocal({ dataDir: join(options.dataDir, 'dynamodb') });
      stops.push(db.stop);
      endpoint = db.endpoint;
    }
    const table = openTable({ name: options.tableName ?? LOCAL_TABLE_NAME, endpoint, region: options.settings.models.region });
    await ensureTable(table);
    for (const project of options.scenario.projects) await putProject(table, project, options.scenario.start);

    // Fresh credentials per run: the sandboxes check them, the clients read them through the secrets interface.
    const credentials: LocalCredentials = options.credentials ?? { jiraApiToken: randomBytes(16).toString('hex'), graphClientSecret: randomBytes(16).toString('hex') };
    const secrets = staticSecrets(credentials, 'the local runtime');
    const jira = await startJiraSandbox({ scenario: options.scenario, clock, email: LOCAL_SENDER, apiToken: credentials.jiraApiToken });
    stops.push(() => jira.close());
    const graph = await startGraphSandbox({ scenario: options.scenario, clock, tenantId: 'local-tenant', clientId: 'agentic-pm-local', clientSecret: credentials.graphClientSecret });
    stops.push(() => graph.close());
    // The prompt cache lives five minutes of scenario time, as it would between real runs.
    const brain = options.brain ?? offlineBrain;
    const converse = await startConverseSandbox({ brain: options.chaos ? options.chaos.brain(brain) : brain, now: () => clock.now() });
    stops.push(() => converse.close());
    // The agent gets its own DynamoDB client under chaos, so the faults never reach the runtime's own reads.
    let agentTable = table;
    if (options.chaos) {
      options.chaos.attachSandboxes(jira.faults, graph.faults);
      agentTable = openTable({ name: table.name, endpoint, region: options.settings.models.region });
      options.chaos.attachDynamoDb(agentTable.doc);
    }

    const outboxDir = join(options.dataDir, 'outbox');
    const metrics = new RecordingMetrics();
    const telemetry = createTelemetry({
      logLevel: (process.env.POWERTOOLS_LOG_LEVEL as 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | undefined) ?? 'SILENT',
      metricsOutput: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
    });
    const ctx: AgentContext = {
      table: agentTable,
      settings: options.settings,
      jira: createJiraClient({ baseUrl: jira.baseUrl, email: LOCAL_SENDER, apiToken: await secrets.get('jiraApiToken'), maxRetryDelayMs: 200 }),
      graph: createGraphClient({
        graphBaseUrl: graph.graphBaseUrl, authorityBaseUrl: graph.authorityBaseUrl, tenantId: 'local-tenant', clientId: 'agentic-pm-local',
        clientSecret: await secrets.get('graphClientSecret'), maxRetryDelayMs: 200,
      }),
      mailer: createOutboxMailer({ dir: outboxDir, now: () => new Date(clock.now()) }),
      bedrock: createBedrockRuntime({ region: options.settings.models.region, endpoint: converse.endpoint }),
      senderAddress: LOCAL_SENDER,
      metrics,
    };
    return {
      table, clock, metrics, outboxDir,
      provider: { telemetry, context: async () => ctx },
      jiraWrites: () => jira.writes(),
      llmCalls: () => converse.calls(),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
};
