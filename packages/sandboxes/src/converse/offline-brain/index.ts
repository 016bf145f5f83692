import { REASONING_TOOLS, TRIAGE_TOOLS } from '@agentic-pm/llm';
import type { Brain, BrainReply, ConverseRequestBody } from '../wire';
import { classifySignals } from './classify';
import { forcedToolOf, jsonLinesIn, sanitisedLine, taskTextOf, toolNamesOf, untrustedSignalsIn } from './read-request';
import { reasonTurn } from './reason';
import { sanitiseSignals } from './sanitise';

const call = (name: string, input: unknown, body: ConverseRequestBody): BrainReply => [
  { toolUse: { toolUseId: `tooluse_offline_${body.messages.length}_1`, name, input } },
];

/**
 * The deterministic offline model: answers this project's three prompts (triage pass 1, pass 2,
 * reasoning) from the request body alone. Same request, same answer. A repair turn gets the same
 * answer again, as the brain has nothing better to offer.
 */
export const offlineBrain: Brain = ({ body }) => {
  const forced = forcedToolOf(body);
  const task = taskTextOf(body);
  if (forced === TRIAGE_TOOLS.sanitise) return call(forced, sanitiseSignals(untrustedSignalsIn(task)), body);
  if (forced === TRIAGE_TOOLS.classify) return call(forced, classifySignals(jsonLinesIn(task, 'signals', sanitisedLine)), body);
  if (toolNamesOf(body).includes(REASONING_TOOLS.finish)) return reasonTurn(body);
  return [{ text: 'I can only help with signal triage and project reasoning in this sandbox.' }];
};
