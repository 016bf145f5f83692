import type { DeployConfig } from './deploy-config';

/** Non-secret configuration the functions read as `Resource.AgentConfig`. */
export function createAgentConfig(config: DeployConfig) {
  return new sst.Linkable('AgentConfig', {
    properties: { ...config.agentConfig, allowedEmailDomains: [...config.agentConfig.allowedEmailDomains] },
  });
}
