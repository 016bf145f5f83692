import { reasoning, stepInputSchema } from '@agentic-pm/agent';
import { awsProvider, bedrockRuntime, stepHandler, type ContextProvider } from '@agentic-pm/agent/lambda';

export const createHandler = (provider: ContextProvider) => stepHandler('Reasoning', stepInputSchema, reasoning, provider);
export const handler = createHandler(awsProvider({ bedrock: bedrockRuntime }));
