import type { ToolResultBlock, ToolUseBlock } from '@aws-sdk/client-bedrock-runtime';
import type * as z from 'zod';
import { artefactOperationInput, finishInput, proposeActionInput, requestEscalationInput } from './reasoning-tools';
import { checkToolInput } from './tool-input';
import { REASONING_TOOLS } from './tool-names';
import type { ReasoningOutcome, ReasoningSignal } from './types';

/**
 * Executes the reasoning tools by validating and collecting their inputs; nothing here has a side
 * effect. Each call gets a toolResult the model reads: recorded, or rejected with the reason.
 */
export class ReasoningCollector {
  readonly proposals: ReasoningOutcome['proposals'] = [];
  readonly artefactOps: ReasoningOutcome['artefactOps'] = [];
  readonly escalations: ReasoningOutcome['escalations'] = [];
  rejected = 0;
  finishSummary: string | undefined;

  constructor(
    private readonly refs: ReadonlyMap<string, ReasoningSignal>,
    /** A runaway loop should not be able to bury the owner in proposals. */
    private readonly maxOutputs: number,
  ) {}

  get outputs(): number {
    return this.proposals.length + this.artefactOps.length + this.escalations.length;
  }

  /**
   * Handles one assistant turn. `finish` is refused while any call of the same turn was rejected,
   * so the model cannot silently drop, say, an escalation it got wrong.
   */
  handleTurn(calls: readonly ToolUseBlock[]): ToolResultBlock[] {
    const rejectedBefore = this.rejected;
    const results = new Map<ToolUseBlock, ToolResultBlock>();
    for (const call of calls.filter((c) => c.name !== REASONING_TOOLS.finish)) results.set(call, this.handle(call));
    for (const call of calls.filter((c) => c.name === REASONING_TOOLS.finish)) {
      const rejectedNow = this.rejected - rejectedBefore;
      results.set(
        call,
        rejectedNow > 0
          ? this.reject(call, `${rejectedNow} call(s) in this turn were rejected; repair or drop them, then call ${REASONING_TOOLS.finish} again`)
          : this.finish(call),
      );
    }
    return calls.map((call) => results.get(call) ?? this.reject(call, 'not handled'));
  }

  private handle(call: ToolUseBlock): ToolResultBlock {
    if (this.finishSummary !== undefined) return this.reject(call, `${REASONING_TOOLS.finish} was already called`);
    if (this.outputs >= this.maxOutputs) return this.reject(call, `limit of ${this.maxOutputs} outputs reached; call ${REASONING_TOOLS.finish}`);
    switch (call.name) {
      case REASONING_TOOLS.proposeAction:
        return this.collect(call, proposeActionInput, (v, signalIds) => {
          this.proposals.push({ payload: v.payload, confidence: v.confidence, rationale: v.rationale, signalIds });
          return `recorded action ${this.proposals.length} (${v.payload.type}); the policy gate decides whether it runs`;
        });
      case REASONING_TOOLS.artefactOperation:
        return this.collect(call, artefactOperationInput, (v, signalIds) => {
          this.artefactOps.push({ op: v.op, signalIds });
          return `recorded artefact operation ${this.artefactOps.length} (${v.op.op})`;
        });
      case REASONING_TOOLS.requestEscalation:
        return this.collect(call, requestEscalationInput, ({ signalIds: _refs, ...request }, signalIds) => {
          this.escalations.push({ request, signalIds });
          return `recorded escalation ${this.escalations.length}; the owner will decide`;
        });
      default:
        return this.reject(call, `unknown tool; use ${Object.values(REASONING_TOOLS).join(', ')}`);
    }
  }

  private finish(call: ToolUseBlock): ToolResultBlock {
    if (this.finishSummary !== undefined) return this.reject(call, `${REASONING_TOOLS.finish} was already called`);
    const checked = checkToolInput(finishInput, call.input);
    if (!checked.ok) return this.reject(call, checked.problems.join('; '));
    this.finishSummary = checked.value.summary;
    return ok(call, 'finished');
  }

  private collect<T extends { signalIds: string[] }>(
    call: ToolUseBlock,
    schema: z.ZodType<T>,
    record: (value: T, signalIds: string[]) => string,
  ): ToolResultBlock {
    const checked = checkToolInput(schema, call.input);
    if (!checked.ok) return this.reject(call, checked.problems.join('; '));
    const unknown = checked.value.signalIds.filter((ref) => !this.refs.has(ref));
    if (unknown.length > 0) return this.reject(call, `$.signalIds: ${unknown.length} unknown ref(s); use only ${[...this.refs.keys()].join(', ')}`);
    const signalIds = [...new Set(checked.value.signalIds)].map((ref) => this.refs.get(ref)?.id ?? ref);
    return ok(call, record(checked.value, signalIds));
  }

  private reject(call: ToolUseBlock, reason: string): ToolResultBlock {
    this.rejected += 1;
    return { toolUseId: call.toolUseId, status: 'error', content: [{ text: `rejected: ${reason}` }] };
  }
}

const ok = (call: ToolUseBlock, text: string): ToolResultBlock => ({ toolUseId: call.toolUseId, status: 'success', content: [{ text }] });
