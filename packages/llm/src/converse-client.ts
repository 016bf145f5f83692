import { NodeHttpHandler } from '@smithy/node-http-handler';
import { BedrockRuntimeClient } from './bedrock-sdk';

export interface BedrockRuntimeOptions {
  region: string;
  /** Override endpoint. A loopback URL (the local Converse sandbox) gets HTTP/1.1 and dummy credentials. */
  endpoint?: string;
  /** Total attempts per call, first try included. */
  maxAttempts?: number;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export const isLoopbackEndpoint = (endpoint: string): boolean => LOOPBACK_HOSTS.has(new URL(endpoint).hostname);

export const createBedrockRuntime = (options: BedrockRuntimeOptions): BedrockRuntimeClient => {
  const local = options.endpoint !== undefined && isLoopbackEndpoint(options.endpoint);
  const client = new BedrockRuntimeClient({
    region: options.region,
    // Adaptive: exponential backoff with jitter plus a client-side rate limiter that slows down after throttling.
    retryMode: 'adaptive',
    maxAttempts: options.maxAttempts ?? 4,
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    ...(local
      ? {
          // The SDK speaks HTTP/2 to Bedrock by default; a plain node:http server answers HTTP/1.1 only.
          requestHandler: new NodeHttpHandler({ connectionTimeout: 2_000, requestTimeout: 30_000 }),
          credentials: { accessKeyId: 'local-sandbox', secretAccessKey: 'local-sandbox' },
        }
      : {}),
  });
  // The SDK retries ThrottlingException (429), ServiceUnavailableException (503) and
  // InternalServerException (500) by status, but ModelTimeoutException (408) carries no retryable
  // trait, so it would fail at once. Giving it the trait lets the same adaptive strategy (backoff,
  // attempt cap, retry quota) handle it.
  client.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        if (error instanceof Error && error.name === 'ModelTimeoutException') {
          const timeout = error as Error & { $retryable?: { throttling?: boolean } };
          timeout.$retryable ??= { throttling: false };
        }
        throw error;
      }
    },
    // Inside the retry middleware (same step, lower priority), so it sees each attempt's error first.
    { step: 'finalizeRequest', priority: 'low', name: 'retryModelTimeout' },
  );
  return client;
};
