import { processHoldQueue, stepInputSchema } from '@agentic-pm/agent';
import { awsProvider, linkedJira, sesMailer, stepHandler, type ContextProvider } from '@agentic-pm/agent/lambda';

export const createHandler = (provider: ContextProvider) => stepHandler('Process Hold Queue', stepInputSchema, processHoldQueue, provider);
export const handler = createHandler(awsProvider({ jira: linkedJira, mailer: sesMailer }));
