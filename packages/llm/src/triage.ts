import { ModelOutputError, type AgentSettings, type Classification, type SanitisedSignal } from '@agentic-pm/domain';
import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { assertUniqueIds, chunk } from './batch';
import { classifyBatch, type Sanitised } from './classify-pass';
import { failClosed } from './fail-closed';
import type { PassDeps } from './batch-tool-call';
import { sanitiseBatch } from './sanitise-pass';
import type { TriageInput, TriageOutcome, UsageSink } from './types';

export interface TriageDeps {
  client: BedrockRuntimeClient;
  settings: AgentSettings;
  onUsage: UsageSink;
}

/**
 * Two-pass triage with Haiku, in batches of `settings.triageBatchSize`:
 * pass 1 (quarantined) turns untrusted text into schema-bound fields; pass 2 classifies from
 * those fields only. A batch whose answer stays invalid after one repair fails closed, signal by
 * signal; model misbehaviour never throws. Service errors (throttling past the SDK's retries,
 * access denied) do throw: failing the run lets the next run triage the same signals again,
 * where failing closed would turn a Bedrock outage into a flood of escalations.
 * Outcomes come back in input order.
 */
export const triageSignals = async (inputs: readonly TriageInput[], deps: TriageDeps): Promise<TriageOutcome[]> => {
  assertUniqueIds(inputs, 'triageSignals');
  const pass: PassDeps = {
    client: deps.client,
    modelId: deps.settings.models.triage,
    maxTextChars: deps.settings.maxSignalTextChars,
    onUsage: deps.onUsage,
  };
  const batchSize = deps.settings.triageBatchSize;
  const sanitised = new Map<string, SanitisedSignal>();
  const classified = new Map<string, Classification>();
  const failures = new Map<string, { reason: string; sanitised?: SanitisedSignal }>();

  for (const batch of chunk(inputs, batchSize)) {
    try {
      for (const [id, record] of await sanitiseBatch(batch, pass)) sanitised.set(id, record);
    } catch (error) {
      if (!(error instanceof ModelOutputError)) throw error;
      for (const input of batch) failures.set(input.id, { reason: `triage pass 1 failed closed: ${error.message}` });
    }
  }

  const toClassify: Sanitised[] = inputs.flatMap((input) => {
    const record = sanitised.get(input.id);
    return record === undefined ? [] : [{ input, sanitised: record }];
  });
  for (const batch of chunk(toClassify, batchSize)) {
    try {
      for (const [id, classification] of await classifyBatch(batch, pass)) classified.set(id, classification);
    } catch (error) {
      if (!(error instanceof ModelOutputError)) throw error;
      for (const { input, sanitised: record } of batch) {
        failures.set(input.id, { reason: `triage pass 2 failed closed: ${error.message}`, sanitised: record });
      }
    }
  }

  return inputs.map((input): TriageOutcome => {
    const record = sanitised.get(input.id);
    const classification = classified.get(input.id);
    if (record !== undefined && classification !== undefined) return { id: input.id, sanitised: record, classification, via: 'model' };
    const failure = failures.get(input.id);
    if (failure === undefined) throw new Error(`triageSignals: no outcome for ${input.id}`);
    return failClosed(input, failure.reason, failure.sanitised);
  });
};
