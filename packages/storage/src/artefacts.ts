import { ConflictError, type Artefact, type ArtefactType } from '@agentic-pm/domain';
import { GetCommand, TransactWriteCommand } from './dynamodb-sdk';
import { keys } from './keys';
import { isConditionFailure } from './conditional';
import { failedConditions, fencedOut, leaseCheck, type Fence } from './fence';
import { queryPrefix, withoutKeys } from './query';
import type { Table } from './table';

/** DynamoDB's item limit is 400 KB; the current item carries content and previousVersion. */
export const MAX_ARTEFACT_BYTES = 180_000;

export class ArtefactTooLargeError extends Error {
  override readonly name = 'ArtefactTooLargeError';
}

export const getArtefact = async <T extends ArtefactType>(table: Table, projectId: string, type: T): Promise<Artefact<T> | undefined> => {
  const item = (await table.doc.send(new GetCommand({ TableName: table.name, Key: keys.artefact(projectId, type), ConsistentRead: true }))).Item;
  return item ? (withoutKeys(item) as unknown as Artefact<T>) : undefined;
};

export const listArtefactHistory = async (table: Table, projectId: string, type: ArtefactType): Promise<Artefact[]> =>
  (await queryPrefix<Artefact>(table, `PROJECT#${projectId}`, `ARTEFACT#${type}#V#`)).map((a) => withoutKeys(a) as Artefact);

/**
 * Writes the next version of an artefact if the stored version is still `expectedVersion`
 * (0 for a new artefact), keeping `previousVersion` and a history item. A lost race is a ConflictError.
 */
export const putArtefactVersion = async (table: Table, next: Artefact, expectedVersion: number, previousContent: unknown, fence?: Fence): Promise<void> => {
  const size = Buffer.byteLength(JSON.stringify(next.content));
  if (size > MAX_ARTEFACT_BYTES) {
    throw new ArtefactTooLargeError(`${next.type} for ${next.projectId} is ${size} bytes, over the ${MAX_ARTEFACT_BYTES}-byte limit`);
  }
  try {
    await table.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          ...(fence ? [leaseCheck(table, fence)] : []),
          {
            Put: {
              TableName: table.name,
              Item: { ...keys.artefact(next.projectId, next.type), entity: 'Artefact', ...next, previousVersion: previousContent ?? null },
              ConditionExpression: expectedVersion === 0 ? 'attribute_not_exists(pk)' : '#v = :v',
              ExpressionAttributeNames: expectedVersion === 0 ? undefined : { '#v': 'version' },
              ExpressionAttributeValues: expectedVersion === 0 ? undefined : { ':v': expectedVersion },
            },
          },
          {
            Put: {
              TableName: table.name,
              Item: { ...keys.artefactVersion(next.projectId, next.type, next.version), entity: 'ArtefactVersion', ...next },
            },
          },
        ],
      }),
    );
  } catch (error) {
    if (fence && failedConditions(error)[0]) throw fencedOut(fence);
    if (isConditionFailure(error)) {
      throw new ConflictError(`${next.type} for ${next.projectId} changed concurrently (expected version ${expectedVersion})`);
    }
    throw error;
  }
};

/** One version from an artefact's history (a Get on its history item), or undefined. */
export const getArtefactVersion = async <T extends ArtefactType>(table: Table, projectId: string, type: T, version: number): Promise<Artefact<T> | undefined> => {
  const item = (await table.doc.send(new GetCommand({ TableName: table.name, Key: keys.artefactVersion(projectId, type, version), ConsistentRead: true }))).Item;
  return item ? (withoutKeys(item) as unknown as Artefact<T>) : undefined;
};
