import { beforeAll, describe, expect, it } from 'vitest';
import type { Artefact } from '@agentic-pm/domain';
import { getArtefact, getArtefactVersion, listArtefactHistory, putArtefactVersion, type Table } from '@agentic-pm/storage';
import { freshTable } from '../support/fresh-table';

const NOW = '2026-03-02T08:00:00.000Z';
const decisions = (version: number): Artefact<'decision_log'> => ({
  projectId: 'atlas', type: 'decision_log', version, updatedAt: NOW, changeSummary: `v${version}`,
  content: { entries: Array.from({ length: version }, (_, i) => ({ id: `D-${i + 1}`, date: '2026-03-02', decision: `d${i + 1}`, rationale: 'r', decidedBy: 'Priya', source: 'mail' })) },
});

describe('access patterns: artefacts', () => {
  let table: Table;
  beforeAll(async () => {
    table = await freshTable();
    await putArtefactVersion(table, decisions(1), 0, undefined);
    await putArtefactVersion(table, decisions(2), 1, decisions(1).content);
    await putArtefactVersion(table, decisions(3), 2, decisions(2).content);
  });

  it('gets an artefact by project and type (PK = PROJECT#id, SK = ARTEFACT#type)', async () => {
    // Act
    const current = await getArtefact(table, 'atlas', 'decision_log');

    // Assess
    expect(current).toMatchObject({ version: 3, previousVersion: decisions(2).content });
    expect(current?.content.entries).toHaveLength(3);
    expect(await getArtefact(table, 'atlas', 'raid_log')).toBeUndefined();
    expect(await getArtefact(table, 'nope', 'decision_log')).toBeUndefined();
  });

  it('lists the history oldest first (SK begins ARTEFACT#type#V#) and gets one version by number', async () => {
    // Act
    const history = await listArtefactHistory(table, 'atlas', 'decision_log');
    const v2 = await getArtefactVersion(table, 'atlas', 'decision_log', 2);
    const v9 = await getArtefactVersion(table, 'atlas', 'decision_log', 9);

    // Assess
    expect(history.map((a) => a.version)).toEqual([1, 2, 3]);
    expect(v2).toMatchObject({ version: 2, changeSummary: 'v2', content: decisions(2).content });
    expect(v9).toBeUndefined();
  });
});
