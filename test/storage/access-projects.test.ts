import { beforeAll, describe, expect, it } from 'vitest';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { getProject, getProjectRegisteredAt, listProjects, projectItem, putProject, type Table } from '@agentic-pm/storage';
import { freshTable } from '../support/fresh-table';
import { project } from '../support/projects';
import { recordCommands } from './table-probe';

const NOW = '2026-03-02T08:00:00.000Z';

describe('access patterns: projects', () => {
  let table: Table;
  beforeAll(async () => {
    table = await freshTable();
    await putProject(table, project({ id: 'atlas' }), NOW);
    await putProject(table, project({ id: 'borealis', name: 'Borealis', jiraProjectKey: 'BOR' }), NOW);
    // A paused project imported from the old system: readable by id, not watched by the loop.
    await table.doc.send(
      new PutCommand({ TableName: table.name, Item: projectItem(project({ id: 'cygnus', jiraProjectKey: 'CYG' }), { registeredAt: NOW, updatedAt: NOW }, 'paused') }),
    );
  });

  it('gets a project by id (PK = PROJECT#id, SK = METADATA)', async () => {
    // Act
    const found = await getProject(table, 'borealis');
    const missing = await getProject(table, 'nope');

    // Assess
    expect(found).toMatchObject({ id: 'borealis', name: 'Borealis', jiraProjectKey: 'BOR' });
    expect(missing).toBeUndefined();
  });

  it('lists all active projects with one Query on GSI1 (gsi1pk = PROJECTS), never a Scan', async () => {
    // Prepare
    const probe = recordCommands(table);

    // Act
    const projects = await listProjects(probe.table);

    // Assess
    expect(projects.map((p) => p.id).sort()).toEqual(['atlas', 'borealis']);
    expect(probe.sent.map((c) => [c.name, c.input.IndexName])).toEqual([['QueryCommand', 'gsi1']]);
  });

  it('keeps a paused project readable by id but out of the loop\'s list', async () => {
    // Act
    const paused = await getProject(table, 'cygnus');
    const listed = await listProjects(table);

    // Assess
    expect(paused?.id).toBe('cygnus');
    expect(listed.map((p) => p.id)).not.toContain('cygnus');
  });

  it('keeps the first registration time when a project is updated', async () => {
    // Act
    await putProject(table, project({ id: 'atlas', name: 'Atlas renamed' }), '2026-03-05T08:00:00.000Z');

    // Assess
    expect(await getProjectRegisteredAt(table, 'atlas')).toBe(NOW);
    expect((await getProject(table, 'atlas'))?.name).toBe('Atlas renamed');
  });
});
