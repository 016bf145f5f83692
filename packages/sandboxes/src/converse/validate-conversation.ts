import type { ConverseRequestBody } from './wire';

/**
 * The conversation rules Bedrock enforces with a ValidationException, so a client bug (a missing
 * toolResult in a repair turn, two user turns in a row) fails here as it would in AWS.
 * Returns the first problem, in Bedrock's wording where we know it, or undefined.
 */
export const conversationProblem = (body: ConverseRequestBody): string | undefined => {
  const { messages, toolConfig } = body;
  if (messages[0]?.role !== 'user') return 'A conversation must start with a user message. Try again with a conversation that starts with a user message.';
  const toolNames = new Set(toolConfig?.tools.flatMap((t) => ('toolSpec' in t ? [t.toolSpec.name] : [])) ?? []);
  const forced = toolConfig?.toolChoice && 'tool' in toolConfig.toolChoice ? toolConfig.toolChoice.tool.name : undefined;
  if (forced !== undefined && !toolNames.has(forced)) return `The tool named in toolChoice (${forced}) is not defined in toolConfig.tools.`;

  for (const [i, message] of messages.entries()) {
    if (message.content.length === 0) return `The content field in the Message object at messages.${i} is empty. Add a ContentBlock object to the content field and try again.`;
    const previous = messages[i - 1];
    if (previous?.role === message.role) {
      return 'A conversation must alternate between user and assistant roles. Make sure the conversation alternates between user and assistant roles and try again.';
    }
    const usesTools = message.content.some((b) => 'toolUse' in b || 'toolResult' in b);
    if (usesTools && toolConfig === undefined) return 'The toolConfig field must be defined when using toolUse and toolResult content blocks.';
    for (const block of message.content) {
      if ('toolUse' in block && message.role !== 'assistant') return `messages.${i}: toolUse blocks may appear only in assistant messages.`;
      if ('toolResult' in block && message.role !== 'user') return `messages.${i}: toolResult blocks may appear only in user messages.`;
    }
    // Every toolUse must be answered in the very next user message, and only those may be answered.
    const asked = previous?.role === 'assistant' ? previous.content.flatMap((b) => ('toolUse' in b ? [b.toolUse.toolUseId] : [])) : [];
    const answered = message.content.flatMap((b) => ('toolResult' in b ? [b.toolResult.toolUseId] : []));
    const unanswered = asked.filter((id) => !answered.includes(id));
    if (unanswered.length > 0) return `Expected toolResult blocks at messages.${i}.content for the following Ids: ${unanswered.join(', ')}`;
    const stray = answered.filter((id) => !asked.includes(id));
    if (stray.length > 0) {
      return `messages.${i}.content: the toolResult blocks with Ids ${stray.join(', ')} do not match any toolUse block in the previous assistant message.`;
    }
  }
  // Bedrock allows an assistant prefill here; the sandbox does not, since no caller in this project sends one.
  if (messages.at(-1)?.role !== 'user') return 'Converse sandbox: the conversation must end with a user message (assistant prefill is not simulated).';
  return undefined;
};
