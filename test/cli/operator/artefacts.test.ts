import { beforeAll, describe, expect, it } from 'vitest';
import { ValidationError, type Artefact } from '@agentic-pm/domain';
import { putArtefactVersion, putProject, type Table } from '@agentic-pm/storage';
import { showArtefact } from '../../../packages/cli/src/commands/operator/artefact-view';
import { freshTable } from '../../support/fresh-table';
import { project } from '../../support/projects';

const NOW = '2026-03-02T08:00:00.000Z';
const raid = (version: number, descriptions: string[]): Artefact<'raid_log'> => ({
  projectId: 'atlas', type: 'raid_log', version, updatedAt: NOW, changeSummary: `change ${version}`,
  content: {
    items: descriptions.map((description, i) => ({
      id: `R-00${i + 1}`, kind: 'risk', description, owner: null, severity: 'high', status: 'open', raisedAt: NOW, updatedAt: NOW, sourceSignals: [],
    })),
  },
});

const failure = async (work: Promise<unknown>): Promise<{ path: string; message: string }> => {
  const error = await work.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).issues[0]!;
};

describe('artefacts view', () => {
  let table: Table;
  beforeAll(async () => {
    table = await freshTable();
    await putProject(table, project(), NOW);
    await putArtefactVersion(table, raid(1, ['vendor late']), 0, undefined);
    await putArtefactVersion(table, raid(2, ['vendor late', 'budget cut']), 1, raid(1, ['vendor late']).content);
    await putArtefactVersion(table, raid(3, ['vendor very late', 'budget cut']), 2, raid(2, ['vendor late', 'budget cut']).content);
  });

  it('prints the current version as Markdown', async () => {
    // Act
    const text = await showArtefact(table, { projectId: 'atlas', type: 'raid_log' });

    // Assess
    expect(text).toMatch(/^## RAID log \(v3\)/);
    expect(text).toContain('| R-001 | risk | vendor very late |');
    expect(text).toContain('_Last change: change 3_');
  });

  it('prints a version from the history', async () => {
    // Act
    const text = await showArtefact(table, { projectId: 'atlas', type: 'raid_log', version: 1 });

    // Assess
    expect(text).toMatch(/^## RAID log \(v1\)/);
    expect(text).not.toContain('budget cut');
  });

  it('diffs version N against N-1, and the current version against the previous one', async () => {
    // Act
    const v2 = (await showArtefact(table, { projectId: 'atlas', type: 'raid_log', version: 2, diff: true })).split('\n');
    const current = (await showArtefact(table, { projectId: 'atlas', type: 'raid_log', diff: true })).split('\n');

    // Assess
    expect(v2.slice(0, 2)).toEqual(['--- raid_log v1', '+++ raid_log v2']);
    expect(v2.filter((l) => /^[+-][^+-]/.test(l))).toEqual([
      '-## RAID log (v1)', '+## RAID log (v2)',
      '+| R-002 | risk | budget cut | — | high | open | 2026-03-02 |',
      '-_Last change: change 1_', '+_Last change: change 2_',
    ]);
    expect(current.slice(0, 2)).toEqual(['--- raid_log v2', '+++ raid_log v3']);
    expect(current).toContain('-| R-001 | risk | vendor late | — | high | open | 2026-03-02 |');
    expect(current).toContain('+| R-001 | risk | vendor very late | — | high | open | 2026-03-02 |');
  });

  it('shows the first version as all added', async () => {
    // Act
    const lines = (await showArtefact(table, { projectId: 'atlas', type: 'raid_log', version: 1, diff: true })).split('\n');

    // Assess
    expect(lines[0]).toBe('--- raid_log (none before v1)');
    expect(lines.slice(3).every((l) => l.startsWith('+'))).toBe(true);
  });

  it('names an unknown project, type or version clearly', async () => {
    // Act
    const project = await failure(showArtefact(table, { projectId: 'nope', type: 'raid_log' }));
    const type = await failure(showArtefact(table, { projectId: 'atlas', type: 'risks' }));
    const missing = await failure(showArtefact(table, { projectId: 'atlas', type: 'decision_log' }));
    const version = await failure(showArtefact(table, { projectId: 'atlas', type: 'raid_log', version: 7 }));

    // Assess
    expect(project).toEqual({ path: 'PROJECT', message: 'unknown project "nope" (projects: atlas)' });
    expect(type).toEqual({ path: 'TYPE', message: 'unknown artefact type "risks" (types: raid_log, delivery_state, backlog_summary, decision_log)' });
    expect(missing).toEqual({ path: 'TYPE', message: 'project "atlas" has no decision_log yet' });
    expect(version).toEqual({ path: '--version', message: 'raid_log of "atlas" has no version 7 (current v3; in history: 1, 2, 3)' });
  });
});
