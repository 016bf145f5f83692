import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../support/cli';
import { movedOldExport, writeExport } from './old-export-fixture';


describe('operator commands through the CLI', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'agentic-pm-operator-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('imports an export, then shows it; an unknown project exits with 2', { timeout: 120_000 }, async () => {
    // Prepare
    const file = await writeExport(dir, 'export.json', await movedOldExport(new Date(Date.now() - 30 * 60_000).toISOString()));
    const dataDir = join(dir, 'data');

    // Act
    const imported = await cli(['import', '--from', file, '--data-dir', dataDir]);
    const unknown = await cli(['artefacts', 'nope', 'raid_log', '--data-dir', dataDir]);

    // Assess
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain(`Imported ${file} into ${dataDir} (table agentic-pm)`);
    expect(imported.stdout).toMatch(/^ {2}artefacts +6 +16 +0 +0$/m);
    expect(imported.stdout).toContain('38 item(s) written');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Invalid input in artefacts:\n  PROJECT: unknown project "nope" (projects: 7f3c9a52-1d4e-4b8a-9c61-2e5f80a4b913, c2b7e1d0-5a3f-4e92-8f16-9d4a7b2c6e05)');
  });

  it('rejects a bad export with exit code 2, naming table, row and field, before creating the data directory', async () => {
    // Prepare
    const data = await movedOldExport(new Date().toISOString());
    data.agent_checkpoints[1]!.integration = 'slack';
    const file = await writeExport(dir, 'bad.json', data);
    const dataDir = join(dir, 'never-created');

    // Act
    const result = await cli(['import', '--from', file, '--data-dir', dataDir]);

    // Assess
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`Invalid input in ${file}:\n  $.agent_checkpoints[1].integration: must be "jira" or "outlook", the integrations the agent polls (row id 2)`);
    expect(existsSync(dataDir)).toBe(false);
  });
});
