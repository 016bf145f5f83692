import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import type * as z from 'zod';
import { refProblems } from './batch';
import { callTool } from './call-tool';
import { cachePrefixFor, type ToolSpec } from './converse-parts';
import type { LlmPurpose, UsageSink } from './types';

export interface PassDeps {
  client: BedrockRuntimeClient;
  modelId: string;
  maxTextChars: number;
  onUsage: UsageSink;
}

export interface BatchToolCall<R> {
  system: string;
  tool: ToolSpec;
  /** The answer's shape; that it names every ref exactly once is checked here, as part of validation. */
  answerSchema: z.ZodType<{ signals: R[] }>;
  /** The user message: the batch rendered under its refs. */
  text: string;
  maxTokens: number;
  purpose: LlmPurpose;
}

/**
 * One forced-tool call for a batch under short refs (a triage pass). A missing, unknown or
 * repeated ref is invalid output like any other, so it gets the repair turn; what comes back is
 * each answer record paired with the item its ref stands for. Throws ModelOutputError as callTool does.
 */
export const callBatchTool = async <T, R extends { id: string }>(refs: ReadonlyMap<string, T>, call: BatchToolCall<R>, deps: PassDeps): Promise<Array<[T, R]>> => {
  const expected = new Set(refs.keys());
  const zodSchema = call.answerSchema.superRefine((answer, ctx) => {
    for (const message of refProblems(answer.signals.map((s) => s.id), expected)) ctx.addIssue({ code: 'custom', path: ['signals'], message });
  });
  const answer = await callTool({
    client: deps.client,
    modelId: deps.modelId,
    system: call.system,
    messages: [{ role: 'user', content: [{ text: call.text }] }],
    tool: call.tool,
    zodSchema,
    maxTokens: call.maxTokens,
    onUsage: deps.onUsage,
    cachePoint: cachePrefixFor(deps.modelId, call.system, [call.tool]),
    purpose: call.purpose,
  });
  return answer.signals.map((record): [T, R] => {
    const item = refs.get(record.id);
    if (item === undefined) throw new Error(`${call.tool.name}: ref ${record.id} passed validation but is unknown`);
    return [item, record];
  });
};
