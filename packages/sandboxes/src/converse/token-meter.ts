import type { ConverseRequestBody, ReplyBlock, WireContentBlock, WireSystemBlock, WireTool } from './wire';

/**
 * Token counts from the actual request and response bodies, approximated as ceil(chars / 4) of
 * their text content (no tokenizer offline): text blocks, tool names, descriptions and JSON
 * schemas, tool-use inputs and tool-result contents as JSON. Markup and field names of the
 * Converse envelope itself are not counted, as Bedrock does not bill them.
 */
export const tokensFor = (chars: number): number => Math.ceil(chars / 4);

const contentChars = (block: WireContentBlock): number => {
  if ('text' in block) return block.text.length;
  if ('toolUse' in block) return block.toolUse.name.length + JSON.stringify(block.toolUse.input ?? {}).length;
  if ('toolResult' in block) {
    return block.toolResult.content.reduce((sum, c) => sum + ('text' in c ? c.text.length : JSON.stringify(c.json ?? null).length), 0);
  }
  return 0;
};

const toolChars = (tool: WireTool): number =>
  'toolSpec' in tool ? tool.toolSpec.name.length + (tool.toolSpec.description ?? '').length + JSON.stringify(tool.toolSpec.inputSchema.json).length : 0;

const systemChars = (block: WireSystemBlock): number => ('text' in block ? block.text.length : 0);

/** One piece of the prompt in Claude's order (tools, system, messages); `cachePoint` ends a cacheable prefix. */
export type PromptPiece = { chars: number; value: unknown; cachePoint: boolean };

export const promptPieces = (body: ConverseRequestBody): PromptPiece[] => [
  ...(body.toolConfig?.tools ?? []).map((t) => ({ chars: toolChars(t), value: t, cachePoint: 'cachePoint' in t })),
  ...(body.system ?? []).map((s) => ({ chars: systemChars(s), value: s, cachePoint: 'cachePoint' in s })),
  ...body.messages.flatMap((m) => m.content.map((c) => ({ chars: contentChars(c), value: [m.role, c], cachePoint: 'cachePoint' in c }))),
];

export const outputChars = (content: readonly ReplyBlock[]): number =>
  content.reduce((sum, block) => sum + ('text' in block ? block.text.length : block.toolUse.name.length + JSON.stringify(block.toolUse.input ?? {}).length), 0);
