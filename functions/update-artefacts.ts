import { updateArtefacts, stepInputSchema } from '@agentic-pm/agent';
import { awsProvider, stepHandler, type ContextProvider } from '@agentic-pm/agent/lambda';

export const createHandler = (provider: ContextProvider) => stepHandler('Update Artefacts', stepInputSchema, updateArtefacts, provider);
export const handler = createHandler(awsProvider());
