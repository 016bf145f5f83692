import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ArtefactOp, EscalationRequest, ProposedAction } from '@agentic-pm/domain';
import { keys, ttlAfterDays } from './keys';
import { isConditionFailure } from './conditional';
import { queryPrefix, withoutKeys } from './query';
import type { Table } from './table';

const WORK_TTL_DAYS = 7;

/** What reasoning (or triage failing closed) asks Execute Actions to do. */
export type RunProposal =
  | { id: string; kind: 'action'; action: ProposedAction; status: 'new' | 'done'; outcome?: string }
  | { id: string; kind: 'escalation'; projectId: string; request: EscalationRequest; signalIds: string[]; status: 'new' | 'done'; outcome?: string };

export interface RunArtefactOp {
  id: string;
  projectId: string;
  op: ArtefactOp;
  signalIds: string[];
}

/** Idempotent by id: a retried step writes the same ids. */
export const putProposal = async (table: Table, runId: string, proposal: RunProposal, nowIso: string): Promise<void> => {
  try {
    await table.doc.send(
      new PutCommand({
        TableName: table.name,
        Item: { ...keys.runItem(runId, 'PROPOSAL', proposal.id), entity: 'Proposal', ...proposal, expiresAt: ttlAfterDays(nowIso, WORK_TTL_DAYS) },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
};

export const listProposals = async (table: Table, runId: string): Promise<RunProposal[]> =>
  (await queryPrefix<RunProposal>(table, `RUN#${runId}`, 'PROPOSAL#')).map((p) => withoutKeys(p) as RunProposal);

/** Marks a proposal handled; false when another attempt already did. */
export const completeProposal = async (table: Table, runId: string, id: string, outcome: string): Promise<boolean> => {
  try {
    await table.doc.send(
      new UpdateCommand({
        TableName: table.name,
        Key: keys.runItem(runId, 'PROPOSAL', id),
        UpdateExpression: 'SET #s = :done, outcome = :o',
        ConditionExpression: '#s = :new',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':done': 'done', ':new': 'new', ':o': outcome },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
};

export const putArtefactOp = async (table: Table, runId: string, op: RunArtefactOp, nowIso: string): Promise<void> => {
  await table.doc.send(
    new PutCommand({
      TableName: table.name,
      Item: { ...keys.runItem(runId, 'OP', op.id), entity: 'ArtefactOp', ...op, expiresAt: ttlAfterDays(nowIso, WORK_TTL_DAYS) },
    }),
  );
};

export const listArtefactOps = async (table: Table, runId: string): Promise<RunArtefactOp[]> =>
  (await queryPrefix<RunArtefactOp>(table, `RUN#${runId}`, 'OP#')).map((o) => withoutKeys(o) as RunArtefactOp);
