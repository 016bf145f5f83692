import { beforeAll, describe, expect, it } from 'vitest';
import { getCheckpoint, getConfigValue, keys, putCheckpoint, putConfigValue, type Table } from '@agentic-pm/storage';
import { freshTable } from '../support/fresh-table';
import { rawItem } from './table-probe';

describe('access patterns: checkpoints and config', () => {
  let table: Table;
  beforeAll(async () => {
    table = await freshTable();
  });

  it('gets a checkpoint (PK = PROJECT#id, SK = CHECKPOINT#integration#key), one per project and integration', async () => {
    // Prepare
    await putCheckpoint(table, 'atlas', 'jira', 'updated', '1772438400000', '2026-03-02T08:00:00.000Z');
    await putCheckpoint(table, 'atlas', 'outlook', 'deltaLink', 'https://graph/delta?token=1', '2026-03-02T08:00:00.000Z');
    await putCheckpoint(table, 'borealis', 'jira', 'updated', '1772430000000', '2026-03-02T08:00:00.000Z');

    // Act
    await putCheckpoint(table, 'atlas', 'jira', 'updated', '1772442000000', '2026-03-02T09:00:00.000Z');

    // Assess
    expect(await getCheckpoint(table, 'atlas', 'jira', 'updated')).toBe('1772442000000');
    expect(await getCheckpoint(table, 'atlas', 'outlook', 'deltaLink')).toBe('https://graph/delta?token=1');
    expect(await getCheckpoint(table, 'borealis', 'jira', 'updated')).toBe('1772430000000');
    expect(await getCheckpoint(table, 'borealis', 'outlook', 'deltaLink')).toBeUndefined();
    expect(await rawItem(table, keys.checkpoint('atlas', 'jira', 'updated'))).toMatchObject({ pk: 'PROJECT#atlas', sk: 'CHECKPOINT#jira#updated', updatedAt: '2026-03-02T09:00:00.000Z' });
  });

  it('gets a config value (PK = CONFIG, SK = key), JSON values included', async () => {
    // Prepare
    await putConfigValue(table, 'heartbeat', { runId: 'run-7', time: '2026-03-02T08:00:00.000Z' }, '2026-03-02T08:00:00.000Z');
    await putConfigValue(table, 'housekeeping#lastDay', '2026-03-01', '2026-03-02T08:00:00.000Z');

    // Act & Assess
    expect(await getConfigValue(table, 'heartbeat')).toEqual({ runId: 'run-7', time: '2026-03-02T08:00:00.000Z' });
    expect(await getConfigValue(table, 'housekeeping#lastDay')).toBe('2026-03-01');
    expect(await getConfigValue(table, 'missing')).toBeUndefined();
  });
});
