import { ConverseCommand, type BedrockRuntimeClient, type ConverseCommandOutput, type Tool } from '@aws-sdk/client-bedrock-runtime';
import type { AgentSettings, ArtefactType, ProjectConfig } from '@agentic-pm/domain';
import { reasoningMaxTokens, REASONING_SYSTEM_PROMPT, type ToolSpec } from '@agentic-pm/llm';
import {
  NAIVE_REASONING_TOOL_SPECS, NAIVE_TRIAGE_MAX_TOKENS, NAIVE_TRIAGE_SYSTEM_PROMPT, NAIVE_TRIAGE_TOOL_SPEC, naiveReasoningMessages,
  naiveTriageAnswerSchema, naiveTriageMessages,
} from './naive-prompts';
import type { RawSignal } from './raw-signals';

export type ArtefactsReader = (projectId: string) => Promise<Partial<Record<ArtefactType, string>>>;

export interface NaiveOutcome {
  signals: number;
  triageCalls: number;
  reasoningCalls: number;
  complex: number;
  /** Triage answers that did not parse; such a signal counts as simple. */
  unreadable: number;
}

const toBedrockTool = (spec: ToolSpec): Tool => ({
  toolSpec: { name: spec.name, description: spec.description, inputSchema: { json: spec.inputSchema } },
});

const toolInputOf = (response: ConverseCommandOutput): unknown =>
  (response.output?.message?.content ?? []).find((block) => block.toolUse !== undefined)?.toolUse?.input;

export const emptyNaiveOutcome = (): NaiveOutcome => ({ signals: 0, triageCalls: 0, reasoningCalls: 0, complex: 0, unreadable: 0 });

/**
 * The naive baseline, through the same Converse endpoint and meter as the agent: for every
 * signal one Haiku call on its raw text, and for every signal Haiku calls complex one Sonnet call
 * with the raw text, the triage and the project's current records (what our reasoning step also
 * sees). No pre-filter, no batching, no caching, no repair turns. Adds to `outcome`.
 */
export const runNaive = async (input: {
  client: BedrockRuntimeClient;
  settings: AgentSettings;
  projects: readonly ProjectConfig[];
  signals: readonly RawSignal[];
  artefacts: ArtefactsReader;
  outcome: NaiveOutcome;
}): Promise<void> => {
  const { client, settings, outcome } = input;
  const projects = new Map(input.projects.map((p) => [p.id, p]));
  outcome.signals += input.signals.length;
  for (const signal of input.signals) {
    const triage = await client.send(
      new ConverseCommand({
        modelId: settings.models.triage,
        system: [{ text: NAIVE_TRIAGE_SYSTEM_PROMPT }],
        messages: naiveTriageMessages(signal),
        toolConfig: { tools: [toBedrockTool(NAIVE_TRIAGE_TOOL_SPEC)], toolChoice: { tool: { name: NAIVE_TRIAGE_TOOL_SPEC.name } } },
        inferenceConfig: { maxTokens: NAIVE_TRIAGE_MAX_TOKENS, temperature: 0 },
      }),
    );
    outcome.triageCalls += 1;
    const answer = naiveTriageAnswerSchema.safeParse(toolInputOf(triage));
    if (!answer.success) outcome.unreadable += 1;
    const project = projects.get(signal.projectId);
    if (answer.success && answer.data.complexity === 'complex' && project !== undefined) {
      outcome.complex += 1;
      await client.send(
        new ConverseCommand({
          modelId: settings.models.reasoning,
          system: [{ text: REASONING_SYSTEM_PROMPT }],
          messages: naiveReasoningMessages(project, await input.artefacts(project.id), signal, answer.data),
          toolConfig: { tools: NAIVE_REASONING_TOOL_SPECS.map(toBedrockTool), toolChoice: { any: {} } },
          inferenceConfig: { maxTokens: reasoningMaxTokens(1), temperature: 0 },
        }),
      );
      outcome.reasoningCalls += 1;
    }
  }
};
