import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bedrockError, internalServerError, validationError } from './bedrock-errors';
import { offlineBrain } from './offline-brain';
import { PromptCache } from './prompt-cache';
import { outputChars, promptPieces, tokensFor } from './token-meter';
import { conversationProblem } from './validate-conversation';
import { converseRequestBodySchema, isErrorReply, type BedrockErrorReply, type Brain, type ReplyBlock, type StopReason } from './wire';

export interface ConverseSandboxOptions {
  /** The model stand-in; the deterministic offline brain by default. */
  brain?: Brain;
  /** Clock for the prompt-cache TTL, so scenario time can drive it. */
  now?: () => number;
}

export interface RecordedCall {
  modelId: string;
  /** The request body as received (parsed JSON). */
  request: unknown;
  /** The response body as sent: a Converse output, or `{ error }` with status and type. */
  response: unknown;
}

export interface ConverseSandbox {
  endpoint: string;
  close(): Promise<void>;
  calls(): RecordedCall[];
}

/** The default when a request sets no maxTokens; real models differ, this bounds the simulation. */
const DEFAULT_MAX_TOKENS = 4_096;
const MAX_BODY_BYTES = 20 * 1024 * 1024;
const CONVERSE_PATH = /^\/model\/([^/]+)\/converse$/;

/**
 * A local Bedrock Runtime that answers the Converse API on 127.0.0.1, for the real SDK client.
 * The brain decides the content; the sandbox does what Bedrock does around it: validates the
 * conversation, counts usage (with prompt caching), truncates at maxTokens, and answers errors
 * with the status, `x-amzn-errortype` header and body the SDK maps to its exception classes.
 */
export const startConverseSandbox = async (options: ConverseSandboxOptions = {}): Promise<ConverseSandbox> => {
  const brain = options.brain ?? offlineBrain;
  const cache = new PromptCache(options.now ?? Date.now);
  const recorded: RecordedCall[] = [];

  const converse = async (modelId: string, raw: unknown): Promise<Answer> => {
    const parsed = converseRequestBodySchema.safeParse(raw);
    if (!parsed.success) {
      return validationError(`Malformed input request: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
    const body = parsed.data;
    const problem = conversationProblem(body);
    if (problem !== undefined) return validationError(problem);

    const started = Date.now();
    // A brain that throws is a sandbox bug; Bedrock's answer to its own bugs is a 500.
    const reply = await Promise.resolve()
      .then(() => brain({ modelId, body }))
      .catch((error: unknown) => internalServerError(`Converse sandbox brain failed: ${error instanceof Error ? error.message : String(error)}`));
    if (isErrorReply(reply)) return reply;

    const maxTokens = body.inferenceConfig?.maxTokens ?? DEFAULT_MAX_TOKENS;
    const { content, stopReason, outputTokens } = limitOutput(reply, maxTokens);
    const input = cache.account(modelId, promptPieces(body));
    return {
      ok: {
        output: { message: { role: 'assistant', content } },
        stopReason,
        usage: { ...input, outputTokens, totalTokens: input.inputTokens + input.cacheReadInputTokens + input.cacheWriteInputTokens + outputTokens },
        metrics: { latencyMs: Date.now() - started },
      },
    };
  };

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      send(res, internalServerError(error instanceof Error ? error.message : String(error)));
    });
  });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const match = CONVERSE_PATH.exec(new URL(req.url ?? '/', 'http://sandbox').pathname);
    if (req.method !== 'POST' || match?.[1] === undefined) {
      send(res, bedrockError(404, 'UnknownOperationException', 'Converse sandbox answers POST /model/{modelId}/converse only'));
      return;
    }
    const modelId = decodeURIComponent(match[1]);
    const text = await readBody(req);
    const request = parseJson(text);
    const answer = request === undefined ? validationError('Malformed input request: the body is not valid JSON') : await converse(modelId, request);
    recorded.push({ modelId, request: request ?? text, response: 'ok' in answer ? answer.ok : answer });
    send(res, answer);
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls: () => [...recorded],
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // The SDK keeps connections alive; without this, close waits for them to time out.
        server.closeAllConnections();
      }),
  };
};

/** A Converse output to send with 200, or a Bedrock error. */
type Answer = { ok: ConverseOutputBody } | BedrockErrorReply;

interface ConverseOutputBody {
  output: { message: { role: 'assistant'; content: ReplyBlock[] } };
  stopReason: StopReason;
  usage: { inputTokens: number; outputTokens: number; totalTokens: number; cacheReadInputTokens: number; cacheWriteInputTokens: number };
  metrics: { latencyMs: number };
}

const send = (res: ServerResponse, answer: Answer): void => {
  const status = 'ok' in answer ? 200 : answer.error.status;
  const payload = JSON.stringify('ok' in answer ? answer.ok : { message: answer.error.message });
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(payload),
    'x-amzn-requestid': randomUUID(),
    // restJson1 reads the exception name from this header; the suffix is what Bedrock sends.
    ...('ok' in answer ? {} : { 'x-amzn-errortype': `${answer.error.type}:http://internal.amazon.com/coral/com.amazon.bedrock/` }),
  });
  res.end(payload);
};

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

const readBody = async (req: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new Error(`request body over ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
};

/**
 * Stop at maxTokens as a model would: past the budget the answer is cut off, so tool calls are
 * lost and what remains is a prefix of the text. The caller sees stopReason 'max_tokens'.
 */
const limitOutput = (reply: ReplyBlock[], maxTokens: number): { content: ReplyBlock[]; stopReason: StopReason; outputTokens: number } => {
  const tokens = Math.max(1, tokensFor(outputChars(reply)));
  if (tokens <= maxTokens) {
    return { content: reply, stopReason: reply.some((b) => 'toolUse' in b) ? 'tool_use' : 'end_turn', outputTokens: tokens };
  }
  const serialised = reply.map((b) => ('text' in b ? b.text : JSON.stringify(b.toolUse.input))).join('\n');
  return { content: [{ text: serialised.slice(0, maxTokens * 4) }], stopReason: 'max_tokens', outputTokens: maxTokens };
};
