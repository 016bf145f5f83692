import { ARTEFACT_TYPES, renderArtefactCompact, type ProjectConfig, type Provenance, type SanitisedSignal, type TrustTier } from '@agentic-pm/domain';
import { reasonAboutSignals, type ReasoningSignal, type SenderRole } from '@agentic-pm/llm';
import { createHash } from 'node:crypto';
import {
  deleteWork, getArtefact, isDue, listArtefactOps, listProjects, listProposals, listSignalsInFlight, moveSignal, putArtefactOp, putProposal, type StoredSignal, type Table,
} from '@agentic-pm/storage';
import type { AgentContext } from '../context';
import { needsAHuman } from '../escalation-requests';
import { assertLeaseHeld } from '../fencing';
import { budgetMode, usageRecorder } from '../ledger-recorder';
import type { StepInput } from '../run-ref';

export interface ReasoningStepResult {
  proposals: number;
  escalations: number;
  artefactOps: number;
  llmCalls: number;
}

/** Provenance from the signals an action cites; unknown citations fall back to the whole batch, the cautious side. */
export const provenanceOf = (cited: string[], batch: StoredSignal[]): Provenance => {
  const byId = new Map(batch.map((s) => [s.id, s]));
  const sources = cited.length > 0 && cited.every((id) => byId.has(id)) ? cited.map((id) => byId.get(id)!) : batch;
  const trust: TrustTier = sources.some((s) => s.trust === 'external') ? 'external' : 'internal';
  // The model's flag or the tripwire's: a compromised pass 1 cannot clear what the rules saw.
  const injectionSuspected = sources.some((s) => s.triage?.sanitised.injectionSuspected === true || s.tripwire !== undefined);
  return { trust, injectionSuspected, signalIds: sources.map((s) => s.id) };
};

/** Reasoning is told what the tripwire saw, whatever pass 1 said. */
const withTripwire = (s: StoredSignal): SanitisedSignal => {
  const sanitised = s.triage!.sanitised;
  if (s.tripwire === undefined || sanitised.injectionSuspected) return sanitised;
  return { ...sanitised, injectionSuspected: true, injectionReason: `rules: ${s.tripwire}`.slice(0, 300) };
};

/** The sender as a role from trusted metadata; the address itself stays out of the prompt. */
export const senderRoleOf = (s: Pick<StoredSignal, 'source' | 'trust' | 'from'>, project: ProjectConfig): SenderRole => {
  if (s.source === 'jira') return 'jira_user';
  if (s.trust === 'external') return 'external_sender';
  return s.from?.toLowerCase() === project.owner.toLowerCase() ? 'project_owner' : 'colleague';
};

const compactArtefacts = async (ctx: AgentContext, project: ProjectConfig) => {
  const out: Partial<Record<(typeof ARTEFACT_TYPES)[number], string>> = {};
  for (const type of ARTEFACT_TYPES) {
    const artefact = await getArtefact(ctx.table, project.id, type);
    if (artefact) out[type] = renderArtefactCompact(artefact);
  }
  return out;
};

/** Outputs cite their signals; an output that cites none belongs to the whole batch. */
const citedOrBatch = (cited: string[], batch: StoredSignal[]): string[] => (cited.length > 0 ? cited : batch.map((s) => s.id));

/**
 * A run that died part-way through reasoning left some outputs behind. They are dropped before
 * the same signals are reasoned about again, so two answers never both reach Execute Actions.
 */
const dropPartialOutputs = async (table: Table, signalIds: Set<string>, nowIso: string): Promise<void> => {
  const touches = (ids: string[]): boolean => ids.some((id) => signalIds.has(id));
  for (const p of await listProposals(table, nowIso)) {
    if (touches(p.kind === 'action' ? p.action.provenance.signalIds : p.signalIds)) await deleteWork(table, 'PROPOSAL', p.id);
  }
  for (const o of await listArtefactOps(table, nowIso)) if (touches(o.signalIds)) await deleteWork(table, 'OP', o.id);
};

/** Step 5: Sonnet proposes actions, artefact operations and escalations for the complex signals, per project whose window is up. */
export const reasoning = async (ctx: AgentContext, { run }: StepInput): Promise<ReasoningStepResult> => {
  await assertLeaseHeld(ctx.table, run);
  const waiting = (await listSignalsInFlight(ctx.table, run.time, 'reason')).filter((s) => s.triage !== undefined);
  // A project is reasoned about once any of its signals is due, and then with all that wait.
  const dueProjects = new Set(waiting.filter((s) => isDue(s, run.time)).map((s) => s.projectId));
  const complex = waiting.filter((s) => dueProjects.has(s.projectId));
  await dropPartialOutputs(ctx.table, new Set(complex.map((s) => s.id)), run.time);
  const result: ReasoningStepResult = { proposals: 0, escalations: 0, artefactOps: 0, llmCalls: 0 };
  const usage = usageRecorder(ctx, run.time);
  const mode = await budgetMode(ctx, run.time);
  try {
    const batches = (await listProjects(ctx.table))
      .map((project) => ({ project, batch: complex.filter((s) => s.projectId === project.id) }))
      .filter(({ batch }) => batch.length > 0);
    // The shared prefix is worth caching only when another project's call in this run reads it.
    const cachePrefix = batches.length > 1;
    for (const { project, batch } of batches) {
      if (mode !== 'full') {
        for (const proposal of needsAHuman(batch, 'the daily LLM budget is reached: reasoning is off')) await putProposal(ctx.table, proposal, run.time);
        for (const signal of batch) await moveSignal(ctx.table, signal, 'artefacts');
        result.escalations++;
        continue;
      }
      const signals: ReasoningSignal[] = batch.map((s) => ({
        id: s.id, trust: s.trust, sanitised: withTripwire(s), classification: s.triage!.classification,
        ...(s.issueKey ? { issueKey: s.issueKey } : {}), senderRole: senderRoleOf(s, project),
      }));
      const outcome = await reasonAboutSignals({ project, artefacts: await compactArtefacts(ctx, project), signals }, { client: ctx.bedrock, settings: ctx.settings, onUsage: usage.onUsage, cachePrefix });
      // Ids come from the batch, so reasoning again over the same signals (a retry) rewrites the same items.
      const batchKey = createHash('sha256').update(batch.map((s) => s.id).sort().join('\n')).digest('hex').slice(0, 16);
      for (const [i, p] of outcome.proposals.entries()) {
        const id = `${project.id}-${batchKey}-action-${i}`;
        await putProposal(ctx.table, {
          id, kind: 'action',
          action: { id, projectId: project.id, payload: p.payload, confidence: p.confidence, rationale: p.rationale, provenance: provenanceOf(p.signalIds, batch) },
        }, run.time);
        result.proposals++;
      }
      for (const [i, e] of outcome.escalations.entries()) {
        await putProposal(ctx.table, { id: `${project.id}-${batchKey}-escalation-${i}`, kind: 'escalation', projectId: project.id, request: e.request, signalIds: citedOrBatch(e.signalIds, batch) }, run.time);
        result.escalations++;
      }
      for (const [i, o] of outcome.artefactOps.entries()) {
        await putArtefactOp(ctx.table, { id: `${project.id}-${batchKey}-op-${String(i).padStart(3, '0')}`, projectId: project.id, op: o.op, signalIds: citedOrBatch(o.signalIds, batch) }, run.time);
        result.artefactOps++;
      }
      if (outcome.failedClosed) {
        for (const proposal of needsAHuman(batch.filter((s) => outcome.failedClosed!.signalIds.includes(s.id)), outcome.failedClosed.reason)) {
          await putProposal(ctx.table, proposal, run.time);
          result.escalations++;
        }
      }
      for (const signal of batch) await moveSignal(ctx.table, signal, 'artefacts');
    }
  } finally {
    // Tokens spent before a failure are still spent: the budget must see them.
    await usage.flush();
  }
  result.llmCalls = usage.calls;
  return result;
};
