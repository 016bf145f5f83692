import type { ArtefactOp, EscalationRequest, ProposedAction } from '@agentic-pm/domain';
import { DeleteCommand, PutCommand } from './dynamodb-sdk';
import { keys, ttlAfterDays, WORK_PARTITION } from './keys';
import { isConditionFailure } from './conditional';
import { queryPrefix, withoutKeys } from './query';
import type { Table } from './table';

const WORK_TTL_DAYS = 7;

/** What reasoning (or triage failing closed) asks Execute Actions to do. Deleted once handled. */
export type WorkProposal =
  | { id: string; kind: 'action'; action: ProposedAction }
  | { id: string; kind: 'escalation'; projectId: string; request: EscalationRequest; signalIds: string[] };

/** An artefact operation waiting for Update Artefacts. Deleted once applied. */
export interface WorkArtefactOp {
  id: string;
  projectId: string;
  op: ArtefactOp;
  signalIds: string[];
}

/** Idempotent by id: a retried step writes the same ids and the first write wins. */
const putOnce = async (table: Table, kind: 'PROPOSAL' | 'OP', id: string, item: Record<string, unknown>, nowIso: string): Promise<void> => {
  try {
    await table.doc.send(
      new PutCommand({
        TableName: table.name,
        Item: { ...keys.work(kind, id), ...item, expiresAt: ttlAfterDays(nowIso, WORK_TTL_DAYS) },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
};

export const putProposal = (table: Table, proposal: WorkProposal, nowIso: string): Promise<void> =>
  putOnce(table, 'PROPOSAL', proposal.id, { entity: 'Proposal', ...proposal }, nowIso);

export const listProposals = async (table: Table, nowIso: string): Promise<WorkProposal[]> =>
  (await queryPrefix<WorkProposal>(table, WORK_PARTITION, 'PROPOSAL#', { liveAt: nowIso })).map((p) => withoutKeys(p) as WorkProposal);

export const putArtefactOp = (table: Table, op: WorkArtefactOp, nowIso: string): Promise<void> =>
  putOnce(table, 'OP', op.id, { entity: 'ArtefactOp', ...op }, nowIso);

export const listArtefactOps = async (table: Table, nowIso: string): Promise<WorkArtefactOp[]> =>
  (await queryPrefix<WorkArtefactOp>(table, WORK_PARTITION, 'OP#', { liveAt: nowIso })).map((o) => withoutKeys(o) as WorkArtefactOp);

/** Removes a handled proposal or applied operation from the work partition. */
export const deleteWork = async (table: Table, kind: 'PROPOSAL' | 'OP', id: string): Promise<void> => {
  await table.doc.send(new DeleteCommand({ TableName: table.name, Key: keys.work(kind, id) }));
};
