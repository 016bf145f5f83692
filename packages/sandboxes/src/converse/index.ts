export { startConverseSandbox, type ConverseSandbox, type ConverseSandboxOptions, type RecordedCall } from './server';
export { offlineBrain } from './offline-brain';
export { redteamBrain, type RedteamTarget } from './redteam-brain';
export {
  scriptedBrain, toolCall, brokenJsonToolCall, malformedToolCall, proseReply, type ScriptStep, type ScriptedBrain,
} from './scripted-brain';
export { bedrockError, throttled, modelTimeout, serviceUnavailable, internalServerError, validationError } from './bedrock-errors';
export { CACHE_TTL_MS, minimumPrefixTokens } from './prompt-cache';
export type {
  Brain, BrainReply, BrainRequest, BedrockErrorReply, ConverseRequestBody, ReplyBlock, StopReason, WireMessage, WireContentBlock,
} from './wire';
