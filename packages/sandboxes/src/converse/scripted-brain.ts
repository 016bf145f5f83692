import { bedrockError } from './bedrock-errors';
import type { Brain, BrainReply, BrainRequest, ReplyBlock } from './wire';

/** One scripted step: a fixed reply, or a function of the request (for answers that must echo ids). */
export type ScriptStep = BrainReply | ((request: BrainRequest) => BrainReply | Promise<BrainReply>);

export interface ScriptedBrain extends Brain {
  /** Steps not yet used; a test can assert the script was consumed exactly. */
  remaining(): number;
}

/**
 * Answers each call with the next step, in order. Running out is a test bug, reported as a
 * non-retryable 400 so it surfaces at once instead of after the SDK's retries.
 */
export const scriptedBrain = (steps: readonly ScriptStep[]): ScriptedBrain => {
  let next = 0;
  const brain = async (request: BrainRequest): Promise<BrainReply> => {
    const step = steps[next];
    if (step === undefined) return bedrockError(400, 'ScriptExhaustedException', `scripted brain: no step left after ${steps.length} call(s)`);
    next += 1;
    return typeof step === 'function' ? step(request) : step;
  };
  return Object.assign(brain, { remaining: () => steps.length - next });
};

let toolUseCounter = 0;

/** A tool call, as a model sends it. */
export const toolCall = (name: string, input: unknown, toolUseId = `tooluse_scripted_${++toolUseCounter}`): ReplyBlock[] => [
  { toolUse: { toolUseId, name, input } },
];

/** A tool call whose input is truncated JSON, as a model sometimes emits it. */
export const brokenJsonToolCall = (name: string): ReplyBlock[] => toolCall(name, '{"signals": [{"id": "S1", "summary": "cut off');

/** A tool call whose input parses but matches no useful schema. */
export const malformedToolCall = (name: string): ReplyBlock[] => toolCall(name, { signals: [{ note: 'fields missing' }] });

/** Prose instead of the tool call that was asked for. */
export const proseReply = (text = 'Sure! Here is a summary of the messages you sent me.'): ReplyBlock[] => [{ text }];
