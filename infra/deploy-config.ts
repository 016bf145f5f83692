/**
 * Deploy-time configuration, read from environment variables (SST also loads `.env` and
 * `.env.<stage>` from the repository root). Validated in full before any resource is declared, so
 * a missing value fails `sst deploy` with one message naming every problem.
 *
 * Pure: no SST globals. The settings are parsed with the same schema the agent uses at run time,
 * so the IAM grants (model ids) and the budget alarm follow exactly what the agent will do.
 */
import { agentSettingsSchema, type AgentSettings } from '../packages/domain/src/settings';

/** Every variable, with what it is for. Shown in errors and meant to be copied into the README. */
export const DEPLOY_ENV_VARS = {
  AGENTIC_PM_JIRA_BASE_URL: 'Jira Cloud site, e.g. https://acme.atlassian.net',
  AGENTIC_PM_JIRA_EMAIL: 'Atlassian account email that owns the Jira API token',
  AGENTIC_PM_GRAPH_TENANT_ID: 'Microsoft Entra tenant id (GUID or verified domain)',
  AGENTIC_PM_GRAPH_CLIENT_ID: 'Entra app registration (client) id, a GUID',
  AGENTIC_PM_OWNER_EMAIL: 'the human the agent works for: escalations, digests and alarms go here',
  AGENTIC_PM_ALLOWED_EMAIL_DOMAINS: 'comma-separated domains the agent may mail, e.g. acme.com,partner.io',
  AGENTIC_PM_SENDER: 'the From address of agent mail, e.g. pm-agent@acme.com (SES mails it a verification link)',
  AGENTIC_PM_SETTINGS: 'optional JSON agent settings (models, dailyBudgetUsd, ...); defaults when unset',
  AGENTIC_PM_SCHEDULE: 'optional "enabled" | "disabled"; default enabled on production, disabled elsewhere',
} as const;

export type DeployEnvVar = keyof typeof DEPLOY_ENV_VARS;

export interface DeployConfig {
  /** Values the functions read through the `AgentConfig` link. */
  readonly agentConfig: {
    readonly jiraBaseUrl: string;
    readonly jiraEmail: string;
    readonly graphTenantId: string;
    readonly graphClientId: string;
    readonly ownerEmail: string;
    readonly allowedEmailDomains: string[];
    /** The settings JSON exactly as given (the agent applies its own defaults), `"{}"` when unset. */
    readonly settings: string;
  };
  /** The same settings with defaults applied, for IAM and alarms. */
  readonly settings: AgentSettings;
  readonly sender: string;
  readonly scheduleEnabled: boolean;
}

export class DeployConfigError extends Error {
  override readonly name = 'DeployConfigError';
}

const EMAIL = /^[^\s@,;<>"]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/i;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
// A regex, not `new URL`: the SST platform's @types/node and the repo's declare different URLs.
const HTTPS_URL = /^https:\/\/[a-z0-9-]+(\.[a-z0-9-]+)+(:\d{1,5})?(\/\S*)?$/i;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const readDeployConfig = (env: Readonly<Record<string, string | undefined>>, stage: string): DeployConfig => {
  const problems: string[] = [];
  const problem = (name: DeployEnvVar, message: string) => problems.push(`${name}: ${message} (${DEPLOY_ENV_VARS[name]})`);
  const required = (name: DeployEnvVar): string => {
    const value = env[name]?.trim() ?? '';
    if (value === '') problem(name, 'is not set');
    return value;
  };

  const jiraBaseUrl = required('AGENTIC_PM_JIRA_BASE_URL').replace(/\/+$/, '');
  if (jiraBaseUrl !== '' && !HTTPS_URL.test(jiraBaseUrl)) {
    problem('AGENTIC_PM_JIRA_BASE_URL', `"${jiraBaseUrl}" is not an https URL`);
  }

  const jiraEmail = required('AGENTIC_PM_JIRA_EMAIL');
  if (jiraEmail !== '' && !EMAIL.test(jiraEmail)) problem('AGENTIC_PM_JIRA_EMAIL', `"${jiraEmail}" is not an email address`);

  const graphTenantId = required('AGENTIC_PM_GRAPH_TENANT_ID');
  if (graphTenantId !== '' && !GUID.test(graphTenantId) && !DOMAIN.test(graphTenantId)) {
    problem('AGENTIC_PM_GRAPH_TENANT_ID', `"${graphTenantId}" is neither a GUID nor a domain`);
  }

  const graphClientId = required('AGENTIC_PM_GRAPH_CLIENT_ID');
  if (graphClientId !== '' && !GUID.test(graphClientId)) problem('AGENTIC_PM_GRAPH_CLIENT_ID', `"${graphClientId}" is not a GUID`);

  // Lower case: SES condition keys compare case-sensitively.
  const ownerEmail = required('AGENTIC_PM_OWNER_EMAIL').toLowerCase();
  if (ownerEmail !== '' && !EMAIL.test(ownerEmail)) problem('AGENTIC_PM_OWNER_EMAIL', `"${ownerEmail}" is not an email address`);

  const domainsText = required('AGENTIC_PM_ALLOWED_EMAIL_DOMAINS');
  const allowedEmailDomains = [
    ...new Set(
      domainsText
        .split(',')
        .map((domain) => domain.trim().toLowerCase().replace(/^@/, ''))
        .filter((domain) => domain !== ''),
    ),
  ];
  if (domainsText !== '' && allowedEmailDomains.length === 0) problem('AGENTIC_PM_ALLOWED_EMAIL_DOMAINS', 'lists no domain');
  for (const domain of allowedEmailDomains) {
    if (!DOMAIN.test(domain)) problem('AGENTIC_PM_ALLOWED_EMAIL_DOMAINS', `"${domain}" is not a domain (no wildcards)`);
  }

  // An address, not a domain: the agent uses the linked sender verbatim as its From address.
  const sender = required('AGENTIC_PM_SENDER').toLowerCase();
  if (sender !== '' && !EMAIL.test(sender)) problem('AGENTIC_PM_SENDER', `"${sender}" is not an email address`);

  const settingsText = env.AGENTIC_PM_SETTINGS?.trim() || '{}';
  let settings: AgentSettings | undefined;
  try {
    const parsed = agentSettingsSchema.safeParse(JSON.parse(settingsText));
    if (parsed.success) settings = parsed.data;
    else {
      const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'} ${issue.message}`);
      problem('AGENTIC_PM_SETTINGS', `invalid settings: ${issues.join('; ')}`);
    }
  } catch (error) {
    problem('AGENTIC_PM_SETTINGS', `is not JSON: ${(error as Error).message}`);
  }

  const scheduleText = env.AGENTIC_PM_SCHEDULE?.trim().toLowerCase() ?? '';
  if (scheduleText !== '' && scheduleText !== 'enabled' && scheduleText !== 'disabled') {
    problem('AGENTIC_PM_SCHEDULE', `"${scheduleText}" is not "enabled" or "disabled"`);
  }
  const scheduleEnabled = scheduleText === '' ? stage === 'production' : scheduleText === 'enabled';

  if (problems.length > 0 || settings === undefined) {
    throw new DeployConfigError(
      `agentic-pm cannot deploy stage "${stage}": fix these environment variables (or .env / .env.${stage}):\n  - ${problems.join('\n  - ')}`,
    );
  }
  return {
    agentConfig: {
      jiraBaseUrl,
      jiraEmail,
      graphTenantId,
      graphClientId,
      ownerEmail,
      allowedEmailDomains,
      settings: JSON.stringify(JSON.parse(settingsText)),
    },
    settings,
    sender,
    scheduleEnabled,
  };
};

/** Who the agent may mail beyond the allowed domains: the owner, when outside them. */
export const extraAllowedAddresses = (config: DeployConfig): string[] => {
  const { ownerEmail, allowedEmailDomains } = config.agentConfig;
  const ownerDomain = ownerEmail.split('@')[1] ?? '';
  return allowedEmailDomains.includes(ownerDomain) ? [] : [ownerEmail];
};

/** Log retention: long enough to investigate in production, cheap elsewhere. */
export const logRetentionFor = (stage: string) =>
  stage === 'production' ? ({ sst: '3 months', days: 90 } as const) : ({ sst: '2 weeks', days: 14 } as const);
