import { finishRun, finishRunInputSchema } from '@agentic-pm/agent';
import { awsProvider, stepHandler, type ContextProvider } from '@agentic-pm/agent/lambda';

export const createHandler = (provider: ContextProvider) => stepHandler('Finish Run', finishRunInputSchema, finishRun, provider);
export const handler = createHandler(awsProvider());
