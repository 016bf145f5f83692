import type { BedrockRuntimeClient, Message } from '@aws-sdk/client-bedrock-runtime';
import type { AgentSettings } from '@agentic-pm/domain';
import { ConverseCommand } from './bedrock-sdk';
import { assertUniqueIds, refsFor } from './batch';
import { cachePrefixFor, echoedContent, systemBlocks, toBedrockTool } from './converse-parts';
import { ReasoningCollector } from './reasoning-collector';
import { REASONING_SYSTEM_PROMPT, renderReasoningRequest } from './reasoning-prompt';
import { REASONING_TOOL_SPECS } from './reasoning-tools';
import { REASONING_TOOLS } from './tool-names';
import type { ReasoningInput, ReasoningOutcome, UsageSink } from './types';
import { usageFrom } from './usage';

export interface ReasoningDeps {
  client: BedrockRuntimeClient;
  settings: AgentSettings;
  onUsage: UsageSink;
  /** Model turns before giving up; each turn is one Converse call. */
  maxTurns?: number;
  /**
   * Whether to mark the system prompt and tools for caching. A cache write costs 1.25x and lives
   * five minutes, so it pays only when another call in this run reuses the prefix (another
   * project's reasoning); a lone single-turn call would pay the premium for nothing.
   */
  cachePrefix?: boolean;
}

/** Output budget per turn: a few tool calls per signal, capped well under the model's limit. */
export const reasoningMaxTokens = (signals: number): number => Math.min(8_192, 512 + 384 * signals);

const MAX_OUTPUTS_PER_SIGNAL = 8;

/**
 * Sonnet reasons about complex signals in a bounded tool loop. Tools only collect validated
 * proposals, artefact operations and escalations; the caller's policy gate decides what runs.
 * Ends on a valid `finish`. Anything else (no finish within maxTurns, the model stopping without
 * finish, or rejected calls and nothing valid) fails closed: no outputs, escalate the signals.
 */
export const reasonAboutSignals = async (input: ReasoningInput, deps: ReasoningDeps): Promise<ReasoningOutcome> => {
  assertUniqueIds(input.signals, 'reasonAboutSignals');
  if (input.signals.length === 0) return { proposals: [], artefactOps: [], escalations: [] };
  const maxTurns = deps.maxTurns ?? 4;
  if (!Number.isInteger(maxTurns) || maxTurns < 1) throw new Error(`reasonAboutSignals: maxTurns must be a positive integer, got ${maxTurns}`);

  const modelId = deps.settings.models.reasoning;
  const refs = refsFor(input.signals);
  const collector = new ReasoningCollector(refs, MAX_OUTPUTS_PER_SIGNAL * input.signals.length);
  const system = systemBlocks(REASONING_SYSTEM_PROMPT, (deps.cachePrefix ?? true) && cachePrefixFor(modelId, REASONING_SYSTEM_PROMPT, REASONING_TOOL_SPECS));
  const toolConfig = { tools: REASONING_TOOL_SPECS.map(toBedrockTool), toolChoice: { any: {} } };
  const messages: Message[] = [{ role: 'user', content: [{ text: renderReasoningRequest(input, refs) }] }];

  let stop = `no ${REASONING_TOOLS.finish} within ${maxTurns} turns`;
  for (let turn = 1; turn <= maxTurns && collector.finishSummary === undefined; turn += 1) {
    const response = await deps.client.send(
      new ConverseCommand({
        modelId,
        system,
        messages,
        toolConfig,
        inferenceConfig: { maxTokens: reasoningMaxTokens(input.signals.length), temperature: 0 },
      }),
    );
    deps.onUsage(usageFrom(modelId, response.usage, { purpose: 'reasoning' }));
    const content = response.output?.message?.content ?? [];
    const calls = content.flatMap((block) => (block.toolUse ? [block.toolUse] : []));
    if (calls.length === 0) {
      stop = response.stopReason === 'max_tokens' ? 'the answer was cut off at max_tokens' : `the model stopped (${response.stopReason ?? 'no reason'}) without calling ${REASONING_TOOLS.finish}`;
      break;
    }
    messages.push({ role: 'assistant', content: echoedContent(content) }, { role: 'user', content: collector.handleTurn(calls).map((toolResult) => ({ toolResult })) });
  }

  const signalIds = input.signals.map((s) => s.id);
  if (collector.finishSummary === undefined) return failedClosed(signalIds, `reasoning failed closed: ${stop}`);
  if (collector.outputs === 0 && collector.rejected > 0) {
    return failedClosed(signalIds, `reasoning failed closed: all ${collector.rejected} tool calls were rejected`);
  }
  return {
    proposals: collector.proposals,
    artefactOps: collector.artefactOps,
    escalations: collector.escalations,
    summary: collector.finishSummary,
  };
};

const failedClosed = (signalIds: string[], reason: string): ReasoningOutcome => ({
  proposals: [],
  artefactOps: [],
  escalations: [],
  failedClosed: { signalIds, reason },
});
