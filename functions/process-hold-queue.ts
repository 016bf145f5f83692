import { processHoldQueue, stepInputSchema } from '@agentic-pm/agent';
import { awsProvider, stepHandler, type ContextProvider } from '@agentic-pm/agent/lambda';

export const createHandler = (provider: ContextProvider) => stepHandler('Process Hold Queue', stepInputSchema, processHoldQueue, provider);
export const handler = createHandler(awsProvider);
