import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import { artefactOpSchema, escalationRequestSchema, HAIKU_4_5, proposedActionSchema } from '@agentic-pm/domain';
import { callTool, REASONING_TOOLS, reasonAboutSignals, toolInputSchema, TRIAGE_TOOLS, triageSignals, type ReasoningInput } from '@agentic-pm/llm';
import { checkToolInput } from '../../packages/llm/src/tool-input';
import type { Brain, BrainRequest, ReplyBlock } from '../../packages/sandboxes/src/converse';
import { harness, PM_SIGNALS, reasoningSignal, testProject } from '../llm/fixtures';
import { mutate, mutationOf, SEED, wrongValue } from './properties';

/** The tool a request forces, if any. */
const forcedTool = (request: BrainRequest): string | undefined => (request.body.toolConfig?.toolChoice as { tool?: { name?: string } } | undefined)?.tool?.name;

/** One model turn, written for the tool the request asks for. */
type Turn = (tool: string) => ReplyBlock[];

let ids = 0;
const call = (name: string, input: unknown): ReplyBlock => ({ toolUse: { toolUseId: `tooluse_fuzz_${(ids += 1)}`, name, input } });

/** Every way a model answer can go wrong, around a `valid` tool input. */
const badTurns = (valid: unknown): fc.Arbitrary<Turn> =>
  fc.oneof(
    { weight: 4, arbitrary: mutationOf(valid).map((m): Turn => (tool) => [call(tool, mutate(valid, m))]) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v): Turn => (tool) => [call(tool, v)]) },
    { weight: 1, arbitrary: fc.string({ maxLength: 60 }).map((text): Turn => () => [{ text: text || 'Sure.' }]) },
    { weight: 1, arbitrary: fc.constant<Turn>((tool) => [call(tool, JSON.stringify(valid).slice(0, 20))]) },
    { weight: 1, arbitrary: fc.constant<Turn>((tool) => [call(tool, valid), call(tool, valid)]) },
    { weight: 1, arbitrary: fc.constant<Turn>(() => [call('some_other_tool', valid)]) },
    { weight: 1, arbitrary: wrongValue().map((v): Turn => (tool) => [call(tool, { signals: v })]) },
    { weight: 1, arbitrary: fc.constant<Turn>((tool) => [call(tool, valid)]) },
  );

describe('model output: whatever the model answers, the caller gets a valid value or fails closed, never an exception', () => {
  it('checkToolInput never throws and names at most 13 problems, each by JSON path', () => {
    const schema = z.object({ signals: z.array(z.object({ id: z.string(), confidence: z.number().min(0).max(1) })) });
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.jsonValue().map((v) => JSON.stringify(v)), fc.string()), (input) => {
        // Act
        const result = checkToolInput(schema, input);

        // Assess
        if (result.ok) expect(schema.safeParse(result.value).success).toBe(true);
        else {
          expect(result.problems.length).toBeGreaterThan(0);
          expect(result.problems.length).toBeLessThanOrEqual(13);
          for (const problem of result.problems) expect(problem).toMatch(/^(\$|\.\.\. and \d+ more)/);
        }
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('triage returns one valid outcome per signal, failing closed when both answers of a pass are bad', async () => {
    // Prepare
    const sanitised = { signals: [{ id: 'S1', summary: 'ATL-12 is blocked on vendor keys.', entities: { issueKeys: ['ATL-12'], dates: ['14 March'], people: ['Bob'], amounts: [] }, requests: ['send keys'], injectionSuspected: false }] };
    const classified = { signals: [{ id: 'S1', category: 'blocker', severity: 'high', confidence: 0.9, complexity: 'simple', artefacts: ['raid_log'] }] };
    let turns: Turn[] = [];
    let step = 0;
    // Plays the run's turns in order, then repeats the last.
    const brain: Brain = (request) => turns[Math.min(step++, turns.length - 1)]!(forcedTool(request) ?? TRIAGE_TOOLS.sanitise);
    const h = await harness({ brain });

    await fc.assert(
      fc.asyncProperty(fc.array(badTurns(sanitised), { minLength: 2, maxLength: 2 }), fc.array(badTurns(classified), { minLength: 2, maxLength: 2 }), async (pass1, pass2) => {
        // Prepare
        turns = [...pass1, ...pass2];
        step = 0;

        // Act
        const outcomes = await triageSignals([PM_SIGNALS.blocker], { client: h.client, settings: { ...h.settings, triageBatchSize: 5 }, onUsage: h.onUsage });

        // Assess
        expect(outcomes).toHaveLength(1);
        const [outcome] = outcomes;
        expect(outcome?.id).toBe(PM_SIGNALS.blocker.id);
        if (outcome?.via === 'fail_closed') {
          expect(outcome.reason).toMatch(/^triage pass [12] failed closed: record_(sanitised_signals|classifications) \(.+\): invalid output after one repair turn: /);
          expect(outcome.classification.confidence).toBe(0);
        } else expect(outcome?.via).toBe('model');
      }),
      { seed: SEED, numRuns: 120 },
    );
  });

  it('reasoning returns only schema-valid outputs tied to given signals, or fails closed', async () => {
    // Prepare
    const signal = reasoningSignal('jira:ATL-12@2026-03-02T08:05', { category: 'blocker' }, {}, { issueKey: 'ATL-12' });
    const input: ReasoningInput = { project: testProject(), artefacts: { raid_log: '(empty)' }, signals: [signal] };
    const valid: Record<string, unknown> = {
      [REASONING_TOOLS.proposeAction]: { payload: { type: 'jira_comment', issueKey: 'ATL-12', body: 'Chasing the vendor.' }, confidence: 0.8, rationale: 'Blocked.', signalIds: ['S1'] },
      [REASONING_TOOLS.artefactOperation]: { op: { op: 'raid_add', kind: 'risk', description: 'Vendor keys late.', severity: 'medium' }, signalIds: ['S1'] },
      [REASONING_TOOLS.requestEscalation]: { title: 'Vendor', context: 'Keys late.', options: ['Wait', 'Escalate'], recommendation: 1, rationale: 'Deadline.', signalIds: ['S1'] },
      [REASONING_TOOLS.finish]: { summary: 'Done.' },
    };
    const names = Object.keys(valid);
    const turnOf = fc.array(
      fc.constantFrom(...names).chain((name) => badTurns(valid[name]).map((turn) => () => turn(name))),
      { minLength: 1, maxLength: 3 },
    ).map((calls): Turn => () => calls.flatMap((c) => c()));
    let turns: Turn[] = [];
    let step = 0;
    const h = await harness({ brain: () => turns[Math.min(step++, turns.length - 1)]!('') });

    await fc.assert(
      fc.asyncProperty(fc.array(turnOf, { minLength: 1, maxLength: 4 }), async (script) => {
        // Prepare
        turns = script;
        step = 0;

        // Act
        const outcome = await reasonAboutSignals(input, { client: h.client, settings: h.settings, onUsage: h.onUsage, maxTurns: 4 });

        // Assess
        if (outcome.failedClosed) {
          expect(outcome.failedClosed.signalIds).toEqual([signal.id]);
          expect(outcome.failedClosed.reason).toMatch(/^reasoning failed closed: /);
          expect(outcome.proposals.length + outcome.artefactOps.length + outcome.escalations.length).toBe(0);
          return;
        }
        for (const p of outcome.proposals) {
          expect(proposedActionSchema.safeParse(p.payload).success).toBe(true);
          expect(p.signalIds).toEqual([signal.id]);
        }
        for (const o of outcome.artefactOps) expect(artefactOpSchema.safeParse(o.op).success).toBe(true);
        for (const e of outcome.escalations) {
          expect(escalationRequestSchema.safeParse(e.request).success).toBe(true);
          expect(e.request.recommendation).toBeLessThan(e.request.options.length);
        }
        expect(typeof outcome.summary).toBe('string');
      }),
      { seed: SEED, numRuns: 120 },
    );
  });

  it('repairs a tool call whose input is null (was: the repair turn was refused with a ValidationException)', async () => {
    // Prepare
    const schema = z.object({ verdict: z.enum(['yes', 'no']) });
    let turn = 0;
    const h = await harness({ brain: () => [call('record_verdict', turn++ === 0 ? null : { verdict: 'yes' })] });

    // Act
    const answer = await callTool({
      client: h.client, modelId: HAIKU_4_5, system: 'Decide.', messages: [{ role: 'user', content: [{ text: 'Is the sky blue?' }] }],
      tool: { name: 'record_verdict', description: 'Record the verdict.', inputSchema: toolInputSchema(schema) }, zodSchema: schema, maxTokens: 100, onUsage: h.onUsage,
    });

    // Assess
    expect(answer).toEqual({ verdict: 'yes' });
    expect(turn).toBe(2);
  });
});
