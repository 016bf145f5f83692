import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import type { GraphClient, JiraClient, Mailer } from '@agentic-pm/integrations';
import { openTable } from '@agentic-pm/storage';
import type { AgentContext } from '../context';
import { readLinkedConfig, requiredLink, type LinkedConfig } from './linked-resources';
import { metricsSink, type Telemetry } from './telemetry';

/**
 * The clients a function builds, each from its factory in clients/. A function names only those
 * its step uses, so its bundle carries no other integration's code or SDK (infra/README.md, Bundling).
 */
export interface AwsClients {
  jira?: (config: LinkedConfig) => JiraClient;
  graph?: (config: LinkedConfig) => GraphClient;
  mailer?: (config: LinkedConfig) => Mailer;
  bedrock?: (config: LinkedConfig) => BedrockRuntimeClient;
}

/** Builds a client on first use, once; a client the function was not given fails naming the gap. */
const onFirstUse = <T>(name: keyof AwsClients, config: LinkedConfig, factory: ((config: LinkedConfig) => T) | undefined): (() => T) => {
  let built: { client: T } | undefined;
  return () => {
    if (factory === undefined) throw new Error(`the ${name} client is not built for ${process.env.AWS_LAMBDA_FUNCTION_NAME ?? 'this function'}: add it to its awsProvider clients`);
    built ??= { client: factory(config) };
    return built.client;
  };
};

/** Builds the context from SST links with only the given clients, each on first use. */
export const buildAwsContext = (telemetry: Telemetry, clients: AwsClients): AgentContext => {
  const config = readLinkedConfig();
  const jira = onFirstUse('jira', config, clients.jira);
  const graph = onFirstUse('graph', config, clients.graph);
  const mailer = onFirstUse('mailer', config, clients.mailer);
  const bedrock = onFirstUse('bedrock', config, clients.bedrock);
  return {
    table: openTable({ name: config.tableName }),
    settings: config.settings,
    get jira() {
      return jira();
    },
    get graph() {
      return graph();
    },
    get mailer() {
      return mailer();
    },
    get bedrock() {
      return bedrock();
    },
    // Only the steps that send or recognise the agent's own mail are linked to the sender.
    get senderAddress() {
      return requiredLink('AgentEmail').sender;
    },
    metrics: metricsSink(telemetry.metrics),
  };
};
