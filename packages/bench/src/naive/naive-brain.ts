import { TRIAGE_TOOLS } from '@agentic-pm/llm';
import { offlineBrain, type Brain, type BrainReply, type BrainRequest, type ConverseRequestBody } from '@agentic-pm/sandboxes';
import { NAIVE_TRIAGE_TOOL } from './naive-prompts';

const forcedTool = (body: ConverseRequestBody): string | undefined => {
  const choice = body.toolConfig?.toolChoice;
  return choice !== undefined && 'tool' in choice ? choice.tool.name : undefined;
};

const firstUserText = (body: ConverseRequestBody): string =>
  (body.messages[0]?.content ?? []).flatMap((block) => ('text' in block ? [block.text] : [])).join('\n');

/** The input of the one tool call in a reply, or undefined when the reply is an error or prose. */
const toolInput = (reply: BrainReply): Record<string, unknown> | undefined => {
  if (!Array.isArray(reply)) return undefined;
  for (const block of reply) if ('toolUse' in block) return block.toolUse.input as Record<string, unknown>;
  return undefined;
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
  const facts = (toolInput(pass1)?.signals as Array<Record<string, unknown>> | undefined)?.[0];
  if (facts === undefined) return pass1;
  const { id: _ref, ...factFields } = facts;
  const { ref = 'S1', source = 'outlook', trust = 'external', issue } = attributesOf(task);
  const line = JSON.stringify({ ref, source, trust, ...(issue === undefined ? {} : { issueKey: issue }), ...factFields });
  const pass2 = await inner({ modelId: request.modelId, body: forcing(TRIAGE_TOOLS.classify, `<signals>\n${line}\n</signals>`) });
  const classification = (toolInput(pass2)?.signals as Array<Record<string, unknown>> | undefined)?.[0];
  if (classification === undefined) return pass2;
  const { id: _classRef, ...classFields } = classification;
  return [{ toolUse: { toolUseId: 'tooluse_naive_1', name: NAIVE_TRIAGE_TOOL, input: { ...factFields, ...classFields } } }];
};
