import { pollJira, stepInputSchema } from '@agentic-pm/agent';
import { awsProvider, linkedJira, stepHandler, type ContextProvider } from '@agentic-pm/agent/lambda';

export const createHandler = (provider: ContextProvider) => stepHandler('Poll Jira', stepInputSchema, pollJira, provider);
export const handler = createHandler(awsProvider({ jira: linkedJira }));
