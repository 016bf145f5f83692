import type { ProjectConfig } from '@agentic-pm/domain';
import { GetCommand, UpdateCommand } from './dynamodb-sdk';
import { keys, gsi1 } from './keys';
import { queryAll, withoutKeys } from './query';
import type { Table } from './table';

/** Creates or updates a project; `registeredAt` keeps the first registration time. */
export const putProject = async (table: Table, project: ProjectConfig, nowIso: string): Promise<void> => {
  await table.doc.send(
    new UpdateCommand({
      TableName: table.name,
      Key: keys.project(project.id),
      UpdateExpression: 'SET gsi1pk = :g1, gsi1sk = :g2, entity = :e, config = :c, updatedAt = :now, registeredAt = if_not_exists(registeredAt, :now)',
      ExpressionAttributeValues: { ':g1': gsi1.projects, ':g2': project.id, ':e': 'Project', ':c': project, ':now': nowIso },
    }),
  );
};

/** When the agent started watching the project: a first poll looks back from here, so a failed first run loses nothing. */
export const getProjectRegisteredAt = async (table: Table, projectId: string): Promise<string | undefined> =>
  (await table.doc.send(new GetCommand({ TableName: table.name, Key: keys.project(projectId), ConsistentRead: true }))).Item?.registeredAt as string | undefined;

export const getProject = async (table: Table, projectId: string): Promise<ProjectConfig | undefined> => {
  const item = (await table.doc.send(new GetCommand({ TableName: table.name, Key: keys.project(projectId) }))).Item;
  return item?.config as ProjectConfig | undefined;
};

/** All projects through GSI1, never a Scan. */
export const listProjects = async (table: Table): Promise<ProjectConfig[]> =>
  (
    await queryAll<{ config: ProjectConfig }>(table, {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': gsi1.projects },
    })
  ).map((item) => withoutKeys(item).config);
