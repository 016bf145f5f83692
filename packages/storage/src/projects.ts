import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { ProjectConfig } from '@agentic-pm/domain';
import { keys, gsi1 } from './keys';
import { queryAll, withoutKeys } from './query';
import type { Table } from './table';

export const putProject = async (table: Table, project: ProjectConfig, nowIso: string): Promise<void> => {
  await table.doc.send(new PutCommand({ TableName: table.name, Item: { ...keys.project(project.id), entity: 'Project', config: project, updatedAt: nowIso } }));
};

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
