import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import type { AgentSettings } from '@agentic-pm/domain';
import type { GraphClient, JiraClient, Mailer } from '@agentic-pm/integrations';
import type { Fence, Table } from '@agentic-pm/storage';

export const METRIC_NAMES = ['SignalsProcessed', 'ActionsExecuted', 'ActionsHeld', 'EscalationsCreated', 'ArtefactUpdates', 'LLMCostDaily'] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

/** The narrow slice of Powertools Metrics the steps use, so tests can pass a recorder. */
export interface MetricsSink {
  count(name: MetricName, value: number): void;
  usd(name: MetricName, value: number): void;
}

/** Everything a step needs, built once per Lambda container (or once per local run). */
export interface AgentContext {
  table: Table;
  settings: AgentSettings;
  jira: JiraClient;
  graph: GraphClient;
  mailer: Mailer;
  bedrock: BedrockRuntimeClient;
  /** Verified SES sender (or the outbox's From). */
  senderAddress: string;
  metrics: MetricsSink;
  /** Set per step: side effects, cursors and artefacts are written only while this run holds the lease. */
  fence?: Fence;
}
