import { GetCommand, UpdateCommand } from './dynamodb-sdk';
import { keys, gsi1 } from './keys';
import { queryAll, withoutKeys } from './query';
import type { Table } from './table';

export type IntegrationStatus = 'active' | 'disabled' | 'error';

/**
 * An IntegrationConfig (design document, section 2.3): whether an integration (jira, outlook,
 * ses, bedrock) is in use and how its last health check went. Its credentials live in Secrets
 * Manager, never in the table.
 */
export interface IntegrationConfig {
  name: string;
  status: IntegrationStatus;
  lastHealthCheck?: { at: string; ok: boolean; detail?: string };
  createdAt: string;
  updatedAt: string;
}

/** Creates or updates an integration; `createdAt` keeps the first write's time. */
export const putIntegrationConfig = async (
  table: Table,
  integration: Pick<IntegrationConfig, 'name' | 'status' | 'lastHealthCheck'>,
  nowIso: string,
): Promise<void> => {
  const check = integration.lastHealthCheck !== undefined;
  await table.doc.send(
    new UpdateCommand({
      TableName: table.name,
      Key: keys.integration(integration.name),
      UpdateExpression:
        'SET gsi1pk = :g1, gsi1sk = :name, entity = :e, #name = :name, #status = :status, updatedAt = :now, createdAt = if_not_exists(createdAt, :now)' +
        (check ? ', lastHealthCheck = :check' : ''),
      ExpressionAttributeNames: { '#name': 'name', '#status': 'status' },
      ExpressionAttributeValues: {
        ':g1': gsi1.integrations, ':e': 'IntegrationConfig', ':name': integration.name, ':status': integration.status, ':now': nowIso,
        ...(check ? { ':check': integration.lastHealthCheck } : {}),
      },
    }),
  );
};

export const getIntegrationConfig = async (table: Table, name: string): Promise<IntegrationConfig | undefined> => {
  const item = (await table.doc.send(new GetCommand({ TableName: table.name, Key: keys.integration(name), ConsistentRead: true }))).Item;
  return item ? (withoutKeys(item) as unknown as IntegrationConfig) : undefined;
};

/** Every integration, by name, through GSI1 (never a Scan). */
export const listIntegrationConfigs = async (table: Table): Promise<IntegrationConfig[]> =>
  (
    await queryAll<IntegrationConfig>(table, {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': gsi1.integrations },
    })
  ).map((i) => withoutKeys(i) as IntegrationConfig);
