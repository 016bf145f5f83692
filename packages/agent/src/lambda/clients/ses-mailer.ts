import { createSesMailer, type Mailer } from '@agentic-pm/integrations';
import { optionalLink, type LinkedConfig } from '../linked-resources';

/** SES v2 in the function's region, through the configuration set that tracks bounces and complaints. */
export const sesMailer = (config: LinkedConfig): Mailer =>
  createSesMailer({ configurationSet: config.configurationSet ?? optionalLink('AgentEmail')?.configSet, region: process.env.AWS_REGION });
