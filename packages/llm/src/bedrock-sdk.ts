import { createRequire } from 'node:module';
import type * as ClientBedrockRuntime from '@aws-sdk/client-bedrock-runtime';

/**
 * The Bedrock Runtime SDK, loaded with require() as the Lambda runtime provides it: see
 * packages/storage/src/dynamodb-sdk.ts for why not import. Types come from the package itself.
 */
const require = createRequire(import.meta.url);

export const { BedrockRuntimeClient, ConverseCommand } = require('@aws-sdk/client-bedrock-runtime') as typeof ClientBedrockRuntime;
export type BedrockRuntimeClient = ClientBedrockRuntime.BedrockRuntimeClient;
