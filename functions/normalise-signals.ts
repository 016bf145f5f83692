import { normaliseSignals, stepInputSchema } from '@agentic-pm/agent';
import { awsProvider, stepHandler, type ContextProvider } from '@agentic-pm/agent/lambda';

export const createHandler = (provider: ContextProvider) => stepHandler('Normalise Signals', stepInputSchema, normaliseSignals, provider);
export const handler = createHandler(awsProvider());
