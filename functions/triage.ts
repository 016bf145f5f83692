import { triage, stepInputSchema } from '@agentic-pm/agent';
import { awsProvider, bedrockRuntime, stepHandler, type ContextProvider } from '@agentic-pm/agent/lambda';

export const createHandler = (provider: ContextProvider) => stepHandler('Triage', stepInputSchema, triage, provider);
export const handler = createHandler(awsProvider({ bedrock: bedrockRuntime }));
