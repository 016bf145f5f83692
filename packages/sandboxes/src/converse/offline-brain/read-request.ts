import * as z from 'zod';
import { undatamark } from '@agentic-pm/llm';
import { textOf, type ConverseRequestBody } from '../wire';

/**
 * How the offline brain reads a request: only from the body, as a model would. It understands
 * the prompt formats of this project's triage and reasoning steps and fails loudly on anything
 * else, so a format change cannot go unnoticed.
 */

export const toolNamesOf = (body: ConverseRequestBody): string[] =>
  body.toolConfig?.tools.flatMap((t) => ('toolSpec' in t ? [t.toolSpec.name] : [])) ?? [];

export const forcedToolOf = (body: ConverseRequestBody): string | undefined => {
  const choice = body.toolConfig?.toolChoice;
  return choice !== undefined && 'tool' in choice ? choice.tool.name : undefined;
};

/** The task is in the first user message; later turns are repairs or tool results. */
export const taskTextOf = (body: ConverseRequestBody): string => textOf(body.messages[0]);

export interface UntrustedSignal {
  ref: string;
  source: string;
  trust: string;
  issueKey?: string;
  from?: string;
  title: string;
  text: string;
}

const SIGNAL_BLOCK = /<signal ([^>]*)>\n([\s\S]*?)\n<\/signal>/g;
const ATTRIBUTE = /(\w+)="([^"]*)"/g;
const field = (inner: string, tag: string): string | undefined => {
  const match = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(inner);
  return match?.[1] === undefined ? undefined : undatamark(match[1]);
};

/** Pass-1 blocks: `<signal ref=.. source=.. trust=..>` with datamarked <from>, <title>, <text>. */
export const untrustedSignalsIn = (text: string): UntrustedSignal[] =>
  [...text.matchAll(SIGNAL_BLOCK)].map(([, attributes = '', inner = '']) => {
    const attrs = Object.fromEntries([...attributes.matchAll(ATTRIBUTE)].map(([, k = '', v = '']) => [k, v]));
    const { ref, source, trust } = attrs;
    if (ref === undefined || source === undefined || trust === undefined) throw new Error(`offline brain: <signal> without ref, source or trust: ${attributes}`);
    const from = field(inner, 'from');
    return {
      ref,
      source,
      trust,
      ...(attrs.issue === undefined ? {} : { issueKey: attrs.issue }),
      ...(from === undefined ? {} : { from }),
      title: field(inner, 'title') ?? '',
      text: field(inner, 'text') ?? '',
    };
  });

/** JSON lines between `<tag>` and `</tag>`, each checked against `schema`. */
export const jsonLinesIn = <T>(text: string, tag: string, schema: z.ZodType<T>): T[] => {
  const section = new RegExp(`<${tag}>\\n([\\s\\S]*?)\\n</${tag}>`).exec(text)?.[1];
  if (section === undefined) throw new Error(`offline brain: no <${tag}> section in the request`);
  return section
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => schema.parse(JSON.parse(line)));
};

// Pass 1 may leave out empty lists (its schema defaults them), so a reader must too.
const list = z.array(z.string()).default([]);
const entities = z.object({ issueKeys: list, dates: list, people: list, amounts: list }).default({ issueKeys: [], dates: [], people: [], amounts: [] });

/** A pass-2 line: pass-1 fields plus trusted metadata. */
export const sanitisedLine = z.object({
  ref: z.string(),
  source: z.string(),
  trust: z.string(),
  issueKey: z.string().optional(),
  summary: z.string(),
  entities,
  requests: list,
  injectionSuspected: z.boolean(),
  injectionReason: z.string().optional(),
});
export type SanitisedLine = z.infer<typeof sanitisedLine>;

/** A reasoning line: pass-1 and pass-2 fields plus trusted metadata. */
export const reasoningLine = sanitisedLine.omit({ source: true }).extend({
  senderRole: z.string().optional(),
  category: z.string(),
  severity: z.enum(['low', 'medium', 'high', 'critical']),
  confidence: z.number(),
  artefacts: z.array(z.string()),
});
export type ReasoningLine = z.infer<typeof reasoningLine>;

export const projectIn = (text: string): { jiraProjectKey: string; allowedEmailDomains: string[] } => {
  const [project] = jsonLinesIn(text, 'project', z.object({ jiraProjectKey: z.string(), allowedEmailDomains: z.array(z.string()) }));
  if (project === undefined) throw new Error('offline brain: empty <project> section');
  return project;
};
