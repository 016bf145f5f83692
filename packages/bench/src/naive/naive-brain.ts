import * as z from 'zod';
import { TRIAGE_TOOLS } from '@agentic-pm/llm';
import { offlineBrain, type Brain, type BrainReply, type BrainRequest, type ConverseRequestBody } from '@agentic-pm/sandboxes';
import { NAIVE_TRIAGE_TOOL } from './naive-prompts';

const forcedTool = (body: ConverseRequestBody): string | undefined => {
  const choice = body.toolConfig?.toolChoice;
  return choice !== undefined && 'tool' in choice ? choice.tool.name : undefined;
};

const firstUserText = (body: ConverseRequestBody): string =>
  (body.messages[0]?.content ?? []).flatMap((block) => ('text' in block ? [block.text] : [])).join('\n');

const batchAnswer = z.object({ signals: z.array(z.record(z.string(), z.unknown())).min(1) });

/** The first record of a batch tool call (our triage passes answer `{ signals: [...] }`), or undefined for an error or prose. */
const firstRecord = (reply: BrainReply): Record<string, unknown> | undefined => {
  if (!Array.isArray(reply)) return undefined;
  const call = reply.find((block) => 'toolUse' in block);
  const parsed = batchAnswer.safeParse(call !== undefined && 'toolUse' in call ? call.toolUse.input : undefined);
  return parsed.success ? parsed.data.signals[0] : undefined;
};

const forcing = (tool: string, text: string): ConverseRequestBody => ({
  messages: [{ role: 'user', content: [{ text }] }],
  toolConfig: { tools: [{ toolSpec: { name: tool, inputSchema: { json: { type: 'object' } } } }], toolChoice: { tool: { name: tool } } },
});

const ATTRIBUTES = /<signal ([^>]*)>/;
const attributesOf = (text: string): Record<string, string> =>
  Object.fromEntries([...(ATTRIBUTES.exec(text)?.[1] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map(([, k = '', v = '']) => [k, v]));

/**
 * The offline brain, taught the naive design's single-pass triage prompt. It answers the way the
 * offline brain answers our two passes, combined into the one tool call the naive prompt asks
 * for, so both designs are judged by the same "model": same facts, same classifications, and
 * output of the size those facts take. Everything else goes to the offline brain unchanged.
 */
export const benchBrain = (inner: Brain = offlineBrain): Brain => async (request: BrainRequest): Promise<BrainReply> => {
  if (forcedTool(request.body) !== NAIVE_TRIAGE_TOOL) return inner(request);
  const task = firstUserText(request.body);
  const pass1 = await inner({ modelId: request.modelId, body: forcing(TRIAGE_TOOLS.sanitise, task) });
  const facts = firstRecord(pass1);
  if (facts === undefined) return pass1;
  const { id: _ref, ...factFields } = facts;
  const { ref = 'S1', source = 'outlook', trust = 'external', issue } = attributesOf(task);
  const line = JSON.stringify({ ref, source, trust, ...(issue === undefined ? {} : { issueKey: issue }), ...factFields });
  const pass2 = await inner({ modelId: request.modelId, body: forcing(TRIAGE_TOOLS.classify, `<signals>\n${line}\n</signals>`) });
  const classification = firstRecord(pass2);
  if (classification === undefined) return pass2;
  const { id: _classRef, ...classFields } = classification;
  return [{ toolUse: { toolUseId: 'tooluse_naive_1', name: NAIVE_TRIAGE_TOOL, input: { ...factFields, ...classFields } } }];
};
