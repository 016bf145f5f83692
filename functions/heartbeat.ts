import { heartbeat, heartbeatInputSchema } from '@agentic-pm/agent';
import { awsProvider, stepHandler, type ContextProvider } from '@agentic-pm/agent/lambda';

export const createHandler = (provider: ContextProvider) => stepHandler('Heartbeat', heartbeatInputSchema, heartbeat, provider);
export const handler = createHandler(awsProvider());
