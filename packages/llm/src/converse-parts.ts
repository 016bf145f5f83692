import type { ContentBlock, SystemContentBlock, Tool } from '@aws-sdk/client-bedrock-runtime';
import type { JsonDocument } from './json-schema';
import { shouldCachePrefix } from './tokens';

/** A tool as we define it: the JSON Schema is generated from the zod schema that checks the answer. */
export interface ToolSpec {
  name: string;
  description: string;
  inputSchema: JsonDocument;
}

export const toBedrockTool = (spec: ToolSpec): Tool => ({
  toolSpec: { name: spec.name, description: spec.description, inputSchema: { json: spec.inputSchema } },
});

/** System prompt blocks; the cachePoint closes the stable prefix (tools, then system, in Claude's order). */
export const systemBlocks = (system: string, cachePoint: boolean): SystemContentBlock[] => [
  { text: system },
  ...(cachePoint ? [{ cachePoint: { type: 'default' as const } }] : []),
];

/** Characters of the stable prefix a cachePoint after the system prompt would cover. */
export const prefixChars = (system: string, tools: readonly ToolSpec[]): number =>
  tools.reduce((sum, t) => sum + t.name.length + t.description.length + JSON.stringify(t.inputSchema).length, system.length);

/** Cache the prefix only when it is long enough for the model to cache at all. */
export const cachePrefixFor = (modelId: string, system: string, tools: readonly ToolSpec[]): boolean =>
  shouldCachePrefix(modelId, prefixChars(system, tools));

/**
 * A model's answer as it goes back into the conversation. Bedrock requires `input` on every
 * toolUse block, and the SDK reads a `null` input as absent: sent back as is, the next call would be
 * refused with a ValidationException, failing the run where a repair (or fail-closed) was due.
 */
export const echoedContent = (content: readonly ContentBlock[]): ContentBlock[] =>
  content.map((block) => (block.toolUse && block.toolUse.input === undefined ? { toolUse: { ...block.toolUse, input: {} } } : block));
