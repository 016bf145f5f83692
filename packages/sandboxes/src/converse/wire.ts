import * as z from 'zod';

/**
 * The Converse request body as it travels on the wire (what the SDK serialises), limited to the
 * blocks this project uses. Anything else is rejected as Bedrock rejects malformed input.
 */
const textBlock = z.object({ text: z.string() });
const cachePointBlock = z.object({ cachePoint: z.object({ type: z.literal('default') }) });
const toolUseBlock = z.object({ toolUse: z.object({ toolUseId: z.string().min(1), name: z.string().min(1), input: z.unknown() }) });
const toolResultBlock = z.object({
  toolResult: z.object({
    toolUseId: z.string().min(1),
    content: z.array(z.union([z.object({ text: z.string() }), z.object({ json: z.unknown() })])),
    status: z.enum(['success', 'error']).optional(),
  }),
});

const contentBlock = z.union([textBlock, toolUseBlock, toolResultBlock, cachePointBlock]);

const toolEntry = z.union([
  z.object({
    toolSpec: z.object({
      name: z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/),
      description: z.string().optional(),
      inputSchema: z.object({ json: z.record(z.string(), z.unknown()) }),
    }),
  }),
  cachePointBlock,
]);

export const converseRequestBodySchema = z.object({
  messages: z.array(z.object({ role: z.enum(['user', 'assistant']), content: z.array(contentBlock) })).min(1),
  system: z.array(z.union([textBlock, cachePointBlock])).optional(),
  toolConfig: z
    .object({
      tools: z.array(toolEntry).min(1),
      toolChoice: z
        .union([
          z.object({ auto: z.object({}) }),
          z.object({ any: z.object({}) }),
          z.object({ tool: z.object({ name: z.string() }) }),
        ])
        .optional(),
    })
    .optional(),
  inferenceConfig: z
    .object({
      maxTokens: z.number().int().min(1).optional(),
      temperature: z.number().min(0).max(1).optional(),
      topP: z.number().min(0).max(1).optional(),
      stopSequences: z.array(z.string()).optional(),
    })
    .optional(),
});

export type ConverseRequestBody = z.infer<typeof converseRequestBodySchema>;
export type WireMessage = ConverseRequestBody['messages'][number];
export type WireContentBlock = WireMessage['content'][number];
export type WireSystemBlock = NonNullable<ConverseRequestBody['system']>[number];
export type WireTool = NonNullable<ConverseRequestBody['toolConfig']>['tools'][number];

/** What a model answers with: prose or tool calls. */
export type ReplyBlock = { text: string } | { toolUse: { toolUseId: string; name: string; input: unknown } };

export type StopReason = 'tool_use' | 'end_turn' | 'max_tokens';

/** Bedrock's error answer: HTTP status, the `x-amzn-errortype` name, and the `{ message }` body. */
export interface BedrockErrorReply {
  error: { status: number; type: string; message: string };
}

export type BrainReply = ReplyBlock[] | BedrockErrorReply;

export interface BrainRequest {
  modelId: string;
  body: ConverseRequestBody;
}

/** The stand-in for the model: sees only the request, answers with content blocks or an error. */
export type Brain = (request: BrainRequest) => BrainReply | Promise<BrainReply>;

export const isErrorReply = (reply: BrainReply): reply is BedrockErrorReply => !Array.isArray(reply);

/** Text of a message's text blocks, joined. */
export const textOf = (message: WireMessage | undefined): string =>
  (message?.content ?? []).flatMap((block) => ('text' in block ? [block.text] : [])).join('\n');
