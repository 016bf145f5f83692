import { housekeeping, stepInputSchema } from '@agentic-pm/agent';
import { awsProvider, sesMailer, stepHandler, type ContextProvider } from '@agentic-pm/agent/lambda';

export const createHandler = (provider: ContextProvider) => stepHandler('Housekeeping', stepInputSchema, housekeeping, provider);
export const handler = createHandler(awsProvider({ mailer: sesMailer }));
