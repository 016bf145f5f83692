import type { AgentContext } from '../context';
import { buildAwsContext } from './aws-context';
import type { ContextProvider } from './step-handler';
import { createTelemetry } from './telemetry';

const telemetry = createTelemetry();
let context: AgentContext | undefined;

/** One context per Lambda container, built on first use and reused across invocations. */
export const awsProvider: ContextProvider = {
  telemetry,
  context: async () => (context ??= buildAwsContext(telemetry)),
};
