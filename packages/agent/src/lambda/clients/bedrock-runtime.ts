import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { createBedrockRuntime } from '@agentic-pm/llm';
import type { LinkedConfig } from '../linked-resources';

/** Bedrock in the settings' region, with the same retry policy as the local runtime's client. */
export const bedrockRuntime = (config: LinkedConfig): BedrockRuntimeClient => createBedrockRuntime({ region: config.settings.models.region });
