import type { AgentContext } from '../context';
import { buildAwsContext, type AwsClients } from './aws-context';
import type { ContextProvider } from './step-handler';
import { createTelemetry } from './telemetry';

const telemetry = createTelemetry();

/**
 * The provider a deployed function runs with: one context per Lambda container, built on first
 * use and reused across invocations, holding only `clients`.
 */
export const awsProvider = (clients: AwsClients = {}): ContextProvider => {
  let context: AgentContext | undefined;
  return { telemetry, context: async () => (context ??= buildAwsContext(telemetry, clients)) };
};
