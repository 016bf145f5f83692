import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import type { LocalEnvironment } from '@agentic-pm/local-runtime';
import { createBedrockRuntime } from '@agentic-pm/llm';
import { startConverseSandbox, type RecordedCall } from '@agentic-pm/sandboxes';
import { benchBrain } from '../naive/naive-brain';

export interface BenchConverse {
  /** A client for the naive design's calls, to the same endpoint the agent uses. */
  client: BedrockRuntimeClient;
  calls(): RecordedCall[];
  close(): Promise<void>;
}

/**
 * Points the agent's Bedrock client at a Converse sandbox whose prompt cache runs on the
 * scenario clock. The environment's own sandbox times its 5-minute cache by the wall clock;
 * a day replayed in a minute or two would then read the cache across 15-minute runs, which
 * Bedrock never does, and the reasoning prefix would look cheaper than it is.
 */
export const attachBenchConverse = async (env: LocalEnvironment, region: string): Promise<BenchConverse> => {
  const sandbox = await startConverseSandbox({ brain: benchBrain(), now: () => env.clock.now() });
  const ctx = await env.provider.context();
  ctx.bedrock = createBedrockRuntime({ region, endpoint: sandbox.endpoint });
  const client = createBedrockRuntime({ region, endpoint: sandbox.endpoint });
  return {
    client,
    calls: () => sandbox.calls(),
    close: async () => {
      ctx.bedrock.destroy();
      client.destroy();
      await sandbox.close();
    },
  };
};
