import { beforeAll, describe, expect, it } from 'vitest';
import { getIntegrationConfig, keys, listIntegrationConfigs, putIntegrationConfig, type Table } from '@agentic-pm/storage';
import { freshTable } from '../support/fresh-table';
import { rawItem, recordCommands } from './table-probe';

describe('IntegrationConfig', () => {
  let table: Table;
  beforeAll(async () => {
    table = await freshTable();
  });

  it('stores status and last health check under INTEGRATION#name / METADATA, keeping createdAt', async () => {
    // Prepare
    await putIntegrationConfig(table, { name: 'jira', status: 'active' }, '2026-03-02T08:00:00.000Z');

    // Act
    await putIntegrationConfig(
      table,
      { name: 'jira', status: 'error', lastHealthCheck: { at: '2026-03-02T09:00:00.000Z', ok: false, detail: '401 from /myself' } },
      '2026-03-02T09:00:00.000Z',
    );

    // Assess
    expect(await getIntegrationConfig(table, 'jira')).toMatchObject({
      name: 'jira', status: 'error', createdAt: '2026-03-02T08:00:00.000Z', updatedAt: '2026-03-02T09:00:00.000Z',
      lastHealthCheck: { at: '2026-03-02T09:00:00.000Z', ok: false, detail: '401 from /myself' },
    });
    expect(await rawItem(table, keys.integration('jira'))).toMatchObject({ pk: 'INTEGRATION#jira', sk: 'METADATA', entity: 'IntegrationConfig' });
  });

  it('keeps the last health check when only the status changes', async () => {
    // Act
    await putIntegrationConfig(table, { name: 'jira', status: 'active' }, '2026-03-02T10:00:00.000Z');

    // Assess
    expect(await getIntegrationConfig(table, 'jira')).toMatchObject({ status: 'active', lastHealthCheck: { ok: false } });
  });

  it('lists every integration by name with a Query on GSI1 (gsi1pk = INTEGRATIONS)', async () => {
    // Prepare
    await putIntegrationConfig(table, { name: 'outlook', status: 'active' }, '2026-03-02T08:00:00.000Z');
    await putIntegrationConfig(table, { name: 'bedrock', status: 'disabled' }, '2026-03-02T08:00:00.000Z');
    const probe = recordCommands(table);

    // Act
    const all = await listIntegrationConfigs(probe.table);

    // Assess
    expect(all.map((i) => [i.name, i.status])).toEqual([['bedrock', 'disabled'], ['jira', 'active'], ['outlook', 'active']]);
    expect(probe.sent.map((c) => [c.name, c.input.IndexName])).toEqual([['QueryCommand', 'gsi1']]);
  });

  it('answers undefined for an unknown integration', async () => {
    // Act & Assess
    expect(await getIntegrationConfig(table, 'slack')).toBeUndefined();
  });
});
