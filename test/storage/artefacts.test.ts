import { beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, emptyArtefact, type Artefact } from '@agentic-pm/domain';
import { ArtefactTooLargeError, getArtefact, listArtefactHistory, putArtefactVersion, type Table } from '@agentic-pm/storage';
import { freshTable } from '../support/fresh-table';

const NOW = '2026-03-02T08:00:00.000Z';
const raid = (version: number, description: string): Artefact<'raid_log'> => ({
  projectId: 'atlas', type: 'raid_log', version, updatedAt: NOW, changeSummary: `v${version}`,
  content: { items: [{ id: 'R-001', kind: 'risk', description, owner: null, severity: 'high', status: 'open', raisedAt: NOW, updatedAt: NOW, sourceSignals: [] }] },
});

describe('artefact versions', () => {
  let table: Table;
  beforeAll(async () => {
    table = await freshTable();
  });

  it('bumps the version, keeps previousVersion and a history item per version', async () => {
    // Act
    await putArtefactVersion(table, raid(1, 'first'), 0, undefined);
    await putArtefactVersion(table, raid(2, 'second'), 1, raid(1, 'first').content);

    // Assess
    const current = (await getArtefact(table, 'atlas', 'raid_log')) as Artefact<'raid_log'> & { previousVersion: { items: Array<{ description: string }> } };
    expect(current.version).toBe(2);
    expect(current.previousVersion.items[0]?.description).toBe('first');
    expect((await listArtefactHistory(table, 'atlas', 'raid_log')).map((a) => a.version)).toEqual([1, 2]);
  });

  it('refuses a writer that read an older version', async () => {
    // Act & Assess
    await expect(putArtefactVersion(table, raid(2, 'stale'), 1, undefined)).rejects.toBeInstanceOf(ConflictError);
  });

  it('fails clearly instead of truncating an oversized artefact', async () => {
    // Prepare
    const huge: Artefact<'raid_log'> = { ...raid(1, 'x'), projectId: 'huge', content: { items: Array.from({ length: 800 }, (_, i) => ({ ...raid(1, 'y'.repeat(400)).content.items[0]!, id: `R-${i}` })) } };

    // Act & Assess
    await expect(putArtefactVersion(table, huge, 0, emptyArtefact('raid_log', NOW))).rejects.toBeInstanceOf(ArtefactTooLargeError);
  });
});
