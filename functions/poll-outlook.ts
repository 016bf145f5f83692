import { pollOutlook, stepInputSchema } from '@agentic-pm/agent';
import { awsProvider, linkedGraph, stepHandler, type ContextProvider } from '@agentic-pm/agent/lambda';

export const createHandler = (provider: ContextProvider) => stepHandler('Poll Outlook', stepInputSchema, pollOutlook, provider);
export const handler = createHandler(awsProvider({ graph: linkedGraph }));
