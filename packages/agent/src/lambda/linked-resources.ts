import { Resource } from 'sst';
import * as z from 'zod';
import { agentSettingsSchema, parseWith, ValidationError, type AgentSettings } from '@agentic-pm/domain';

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

type OptionalLink = 'AgentEmail' | 'JiraApiToken' | 'GraphClientSecret';

/** Reads a link only if this function has it: each function is linked to what it needs, no more. */
export const optionalLink = <K extends OptionalLink>(name: K): Linked[K] | undefined => (name in Resource ? (Resource as unknown as Linked)[name] : undefined);

/** A link the caller cannot do without; says which function lacks it. */
export const requiredLink = <K extends OptionalLink>(name: K): NonNullable<Linked[K]> => {
  const value = optionalLink(name);
  if (value === undefined) throw new Error(`${name} is not linked to ${process.env.AWS_LAMBDA_FUNCTION_NAME ?? 'this function'}`);
  return value;
};

/** What every function reads from its links: the table, the AgentConfig fields and the parsed settings. */
export interface LinkedConfig {
  tableName: string;
  jiraBaseUrl: string;
  jiraEmail: string;
  graphTenantId: string;
  graphClientId: string;
  configurationSet?: string;
  settings: AgentSettings;
}

/**
 * Reads and validates the links. Secrets arrive encrypted in the bundle through SST's link
 * mechanism, never as plain environment variables; they are read by the clients that use them
 * (clients/*), only when first needed, and never logged.
 */
export const readLinkedConfig = (): LinkedConfig => {
  const linked = Resource as unknown as Linked;
  const { settings: rawSettingsText, ...config } = parseWith(agentConfigSchema, linked.AgentConfig, 'AgentConfig link');
  let rawSettings: unknown;
  try {
    rawSettings = JSON.parse(rawSettingsText);
  } catch (error) {
    throw new ValidationError('AgentConfig link', [{ path: '$.settings', message: `not valid JSON: ${(error as Error).message}` }]);
  }
  return { ...config, tableName: linked.AgentTable.name, settings: parseWith(agentSettingsSchema, rawSettings, 'AgentConfig.settings') };
};
