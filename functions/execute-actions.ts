import { executeActions, stepInputSchema } from '@agentic-pm/agent';
import { awsProvider, stepHandler, type ContextProvider } from '@agentic-pm/agent/lambda';

export const createHandler = (provider: ContextProvider) => stepHandler('Execute Actions', stepInputSchema, executeActions, provider);
export const handler = createHandler(awsProvider);
