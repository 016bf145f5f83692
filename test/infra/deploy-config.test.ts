import { describe, expect, it } from 'vitest';
import {
  DEPLOY_ENV_VARS,
  DeployConfigError,
  extraAllowedAddresses,
  logRetentionFor,
  readDeployConfig,
} from '../../infra/deploy-config';

const validEnv = (): Record<string, string | undefined> => ({
  AGENTIC_PM_JIRA_BASE_URL: 'https://acme.atlassian.net/',
  AGENTIC_PM_JIRA_EMAIL: 'pm-bot@acme.com',
  AGENTIC_PM_GRAPH_TENANT_ID: 'acme.onmicrosoft.com',
  AGENTIC_PM_GRAPH_CLIENT_ID: '1b2c3d4e-0000-4000-8000-1234567890ab',
  AGENTIC_PM_OWNER_EMAIL: 'Lead@Acme.com',
  AGENTIC_PM_ALLOWED_EMAIL_DOMAINS: 'acme.com, @Partner.io ,acme.com',
  AGENTIC_PM_SENDER: 'pm@acme.com',
});

describe('readDeployConfig', () => {
  it('reads and normalises a complete environment', () => {
    // Act
    const config = readDeployConfig(validEnv(), 'production');

    // Assess
    expect(config.agentConfig).toEqual({
      jiraBaseUrl: 'https://acme.atlassian.net',
      jiraEmail: 'pm-bot@acme.com',
      graphTenantId: 'acme.onmicrosoft.com',
      graphClientId: '1b2c3d4e-0000-4000-8000-1234567890ab',
      ownerEmail: 'lead@acme.com',
      allowedEmailDomains: ['acme.com', 'partner.io'],
      settings: '{}',
    });
    expect(config.settings.dailyBudgetUsd).toBe(0.35);
    expect(config.sender).toBe('pm@acme.com');
    expect(config.scheduleEnabled).toBe(true);
  });

  it('names every missing variable in one error', () => {
    // Act
    const act = () => readDeployConfig({}, 'alice');

    // Assess
    expect(act).toThrow(DeployConfigError);
    try {
      act();
    } catch (error) {
      const message = (error as Error).message;
      for (const name of Object.keys(DEPLOY_ENV_VARS).filter((n) => n !== 'AGENTIC_PM_SETTINGS' && n !== 'AGENTIC_PM_SCHEDULE')) {
        expect(message).toContain(`${name}: is not set`);
      }
      expect(message).toContain('.env.alice');
    }
  });

  it.each([
    ['AGENTIC_PM_JIRA_BASE_URL', 'http://acme.atlassian.net', 'not an https URL'],
    ['AGENTIC_PM_GRAPH_CLIENT_ID', 'my-app', 'not a GUID'],
    ['AGENTIC_PM_OWNER_EMAIL', 'lead', 'not an email address'],
    ['AGENTIC_PM_ALLOWED_EMAIL_DOMAINS', '*.acme.com', 'is not a domain'],
    ['AGENTIC_PM_SENDER', 'acme.com', 'not an email address'],
    ['AGENTIC_PM_SETTINGS', '{"dailyBudgetUsd": -1}', 'invalid settings: dailyBudgetUsd'],
    ['AGENTIC_PM_SETTINGS', '{oops', 'is not JSON'],
    ['AGENTIC_PM_SCHEDULE', 'sometimes', 'is not "enabled" or "disabled"'],
  ])('rejects a bad %s (%s)', (name, value, message) => {
    // Act
    const act = () => readDeployConfig({ ...validEnv(), [name]: value }, 'production');

    // Assess
    expect(act).toThrow(`${name}: `);
    expect(act).toThrow(message);
  });

  it('passes the settings through as given and parses them for infra', () => {
    // Prepare
    const settings = { dailyBudgetUsd: 1.25, models: { region: 'us-west-2' } };

    // Act
    const config = readDeployConfig({ ...validEnv(), AGENTIC_PM_SETTINGS: JSON.stringify(settings) }, 'production');

    // Assess
    expect(JSON.parse(config.agentConfig.settings)).toEqual(settings);
    expect(config.settings.dailyBudgetUsd).toBe(1.25);
    expect(config.settings.models.region).toBe('us-west-2');
    expect(config.settings.models.triage).toMatch(/^us\.anthropic\.claude-haiku-4-5/);
  });

  it('schedules production by default and personal stages only when asked', () => {
    // Assess
    expect(readDeployConfig(validEnv(), 'alice').scheduleEnabled).toBe(false);
    expect(readDeployConfig({ ...validEnv(), AGENTIC_PM_SCHEDULE: 'enabled' }, 'alice').scheduleEnabled).toBe(true);
    expect(readDeployConfig({ ...validEnv(), AGENTIC_PM_SCHEDULE: 'disabled' }, 'production').scheduleEnabled).toBe(false);
  });
});

describe('extraAllowedAddresses', () => {
  it('adds the owner only when outside the allowed domains', () => {
    // Assess
    expect(extraAllowedAddresses(readDeployConfig(validEnv(), 'production'))).toEqual([]);
    expect(extraAllowedAddresses(readDeployConfig({ ...validEnv(), AGENTIC_PM_OWNER_EMAIL: 'me@gmail.com' }, 'production'))).toEqual([
      'me@gmail.com',
    ]);
  });
});

describe('logRetentionFor', () => {
  it('keeps production logs longer than personal stages', () => {
    // Assess
    expect(logRetentionFor('production')).toEqual({ sst: '3 months', days: 90 });
    expect(logRetentionFor('alice').days).toBeLessThan(90);
  });
});
