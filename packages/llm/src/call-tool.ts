import type { BedrockRuntimeClient, ContentBlock, ConverseCommandOutput, Message } from '@aws-sdk/client-bedrock-runtime';
import type * as z from 'zod';
import { ModelOutputError } from '@agentic-pm/domain';
import { ConverseCommand } from './bedrock-sdk';
import { echoedContent, systemBlocks, toBedrockTool, type ToolSpec } from './converse-parts';
import { checkToolInput, type ToolInputCheck } from './tool-input';
import type { LlmPurpose, UsageSink } from './types';
import { usageFrom } from './usage';

export interface CallToolParams<T> {
  client: BedrockRuntimeClient;
  modelId: string;
  system: string;
  messages: Message[];
  tool: ToolSpec;
  /** Validates the answer; refinements (such as id matching) count as invalid output too. */
  zodSchema: z.ZodType<T>;
  maxTokens: number;
  onUsage: UsageSink;
  /** Put a cachePoint after the system prompt. Decide with `cachePrefixFor`. */
  cachePoint?: boolean;
  purpose?: LlmPurpose;
}

/**
 * Structured output by forced tool use: the model must call `tool`, and its input must pass
 * `zodSchema`. An invalid answer (prose, broken JSON, schema or refinement failure, truncation)
 * gets exactly one repair turn that shows the model what was wrong; a second failure throws
 * ModelOutputError. Service errors (throttling after retries, access denied) propagate unchanged.
 */
export const callTool = async <T>(params: CallToolParams<T>): Promise<T> => {
  const first = await converse(params, params.messages, false);
  const firstCheck = readAnswer(first, params);
  if (firstCheck.ok) return firstCheck.value;

  const second = await converse(params, withRepairTurn(params.messages, contentOf(first), firstCheck.problems, params.tool.name), true);
  const secondCheck = readAnswer(second, params);
  if (secondCheck.ok) return secondCheck.value;
  throw new ModelOutputError(
    `${params.tool.name} (${params.modelId}): invalid output after one repair turn: ${secondCheck.problems.join('; ')}`,
  );
};

const converse = async <T>(params: CallToolParams<T>, messages: Message[], repair: boolean): Promise<ConverseCommandOutput> => {
  const response = await params.client.send(
    new ConverseCommand({
      modelId: params.modelId,
      system: systemBlocks(params.system, params.cachePoint ?? false),
      messages,
      toolConfig: { tools: [toBedrockTool(params.tool)], toolChoice: { tool: { name: params.tool.name } } },
      inferenceConfig: { maxTokens: params.maxTokens, temperature: 0 },
    }),
  );
  params.onUsage(usageFrom(params.modelId, response.usage, { purpose: params.purpose, repair }));
  return response;
};

const contentOf = (response: ConverseCommandOutput): ContentBlock[] => response.output?.message?.content ?? [];

const readAnswer = <T>(response: ConverseCommandOutput, params: CallToolParams<T>): ToolInputCheck<T> => {
  const name = params.tool.name;
  if (response.stopReason === 'max_tokens') {
    return { ok: false, problems: [`the answer was cut off at ${params.maxTokens} tokens; keep every field brief`] };
  }
  const calls = contentOf(response).flatMap((block) => (block.toolUse ? [block.toolUse] : []));
  // Problems describe what was wrong, never quote the output: it may echo untrusted text.
  if (calls.length === 0) return { ok: false, problems: [`no tool call; answer only by calling ${name}, without prose`] };
  if (calls.length > 1) return { ok: false, problems: [`${calls.length} tool calls; call ${name} exactly once with every item`] };
  const [call] = calls;
  if (call?.name !== name) return { ok: false, problems: [`called an unknown tool; call ${name}`] };
  return checkToolInput(params.zodSchema, call.input);
};

/** The conversation plus one turn telling the model what to fix, in a shape Bedrock accepts. */
const withRepairTurn = (messages: Message[], answer: ContentBlock[], problems: string[], toolName: string): Message[] => {
  const note = `Your answer was rejected: ${problems.join('; ')}. Call ${toolName} once more with the complete, corrected input.`;
  if (answer.length === 0) {
    // Bedrock rejects an empty assistant message, so carry the note in the last user turn instead.
    const last = messages.at(-1);
    if (last?.role !== 'user') throw new Error('callTool: the conversation must end with a user message');
    return [...messages.slice(0, -1), { role: 'user', content: [...(last.content ?? []), { text: note }] }];
  }
  const toolUseIds = answer.flatMap((block) => (block.toolUse?.toolUseId ? [block.toolUse.toolUseId] : []));
  // Every toolUse must be answered by a toolResult in the next user turn.
  const reply: ContentBlock[] =
    toolUseIds.length > 0
      ? toolUseIds.map((toolUseId) => ({ toolResult: { toolUseId, status: 'error', content: [{ text: note }] } }))
      : [{ text: note }];
  return [...messages, { role: 'assistant', content: echoedContent(answer) }, { role: 'user', content: reply }];
};
