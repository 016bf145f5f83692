import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { Resource } from 'sst';
import * as z from 'zod';
import { agentSettingsSchema, parseWith, ValidationError } from '@agentic-pm/domain';
import { createGraphClient, createJiraClient, createSesMailer } from '@agentic-pm/integrations';
import { openTable } from '@agentic-pm/storage';
import type { AgentContext } from '../context';
import { metricsSink, type Telemetry } from './telemetry';

/** The non-secret deployment config, linked by infra as `AgentConfig`. */
const agentConfigSchema = z.object({
  jiraBaseUrl: z.url(),
  jiraEmail: z.string().min(1),
  graphTenantId: z.string().min(1),
  graphClientId: z.string().min(1),
  settings: z.string().default('{}'),
  configurationSet: z.string().optional(),
});

type Linked = {
  AgentTable: { name: string };
  AgentConfig: unknown;
  AgentEmail?: { sender: string; configSet?: string };
  JiraApiToken?: { value: string };
  GraphClientSecret?: { value: string };
};

/** Reads a link only if this function has it: each function is linked to what it needs, no more. */
const optional = <K extends keyof Linked>(name: K): Linked[K] | undefined => (name in Resource ? (Resource as unknown as Linked)[name] : undefined);

/**
 * Builds the context from SST links. Secrets arrive encrypted in the bundle through SST's link
 * mechanism, never as plain environment variables, and are never logged.
 */
export const buildAwsContext = (telemetry: Telemetry): AgentContext => {
  const linked = Resource as unknown as Linked;
  const config = parseWith(agentConfigSchema, linked.AgentConfig, 'AgentConfig link');
  let rawSettings: unknown;
  try {
    rawSettings = JSON.parse(config.settings);
  } catch (error) {
    throw new ValidationError('AgentConfig link', [{ path: '$.settings', message: `not valid JSON: ${(error as Error).message}` }]);
  }
  const settings = parseWith(agentSettingsSchema, rawSettings, 'AgentConfig.settings');
  const missing = (name: string) => {
    throw new Error(`${name} is not linked to ${process.env.AWS_LAMBDA_FUNCTION_NAME ?? 'this function'}`);
  };
  const email = optional('AgentEmail');
  return {
    table: openTable({ name: linked.AgentTable.name }),
    settings,
    // Clients are built lazily from the secret a function was linked to.
    jira: createJiraClient({ baseUrl: config.jiraBaseUrl, email: config.jiraEmail, get apiToken() { return optional('JiraApiToken')?.value ?? missing('JiraApiToken'); } }),
    graph: createGraphClient({
      graphBaseUrl: 'https://graph.microsoft.com', authorityBaseUrl: 'https://login.microsoftonline.com',
      tenantId: config.graphTenantId, clientId: config.graphClientId,
      get clientSecret() { return optional('GraphClientSecret')?.value ?? missing('GraphClientSecret'); },
    }),
    mailer: createSesMailer({ configurationSet: config.configurationSet ?? email?.configSet, region: process.env.AWS_REGION }),
    bedrock: new BedrockRuntimeClient({ region: settings.models.region, retryMode: 'adaptive', maxAttempts: 4 }),
    // Only the sending steps are linked to the sender; the others never send.
    get senderAddress() {
      return email?.sender ?? missing('AgentEmail');
    },
    metrics: metricsSink(telemetry.metrics),
  };
};
