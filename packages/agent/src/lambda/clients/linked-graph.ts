import { createGraphClient, type GraphClient } from '@agentic-pm/integrations';
import { requiredLink, type LinkedConfig } from '../linked-resources';

/** Microsoft Graph as the linked app registration; the client secret is read from its link on first use. */
export const linkedGraph = (config: LinkedConfig): GraphClient =>
  createGraphClient({
    graphBaseUrl: 'https://graph.microsoft.com',
    authorityBaseUrl: 'https://login.microsoftonline.com',
    tenantId: config.graphTenantId,
    clientId: config.graphClientId,
    get clientSecret() {
      return requiredLink('GraphClientSecret').value;
    },
  });
