import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli';


const scenario = (eventIssue: string): unknown => ({
  name: 'bad input',
  start: '2026-03-02T08:00:00Z',
  projects: [
    { id: 'atlas', name: 'Atlas', jiraProjectKey: 'ATL', mailbox: 'pm@acme.test', owner: 'lead@acme.test', autonomyLevel: 'act', allowedEmailDomains: ['acme.test'] },
  ],
  jira: {
    issues: [{ key: 'ATL-1', summary: 'Cutover', status: 'In Progress' }],
    events: [{ at: '2026-03-02T08:05:00Z', issue: eventIssue, create: true, set: { summary: 'Elsewhere' } }],
  },
});

describe('agentic-pm run with bad input', () => {
  let dir: string;
  let dataDir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'agentic-pm-cli-'));
    dataDir = join(dir, 'data');
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('rejects invalid JSON with exit code 2, naming the file, and writes nothing', async () => {
    // Prepare
    const file = join(dir, 'broken.json');
    await writeFile(file, '{ "name": "broken", ', 'utf8');

    // Act
    const result = await cli(['run', '--scenario', file, '--data-dir', dataDir, '--cycles', '1']);

    // Assess
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`Invalid input in ${file}:`);
    expect(result.stderr).toMatch(/^ {2}\$: not valid JSON/m);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('rejects an event on an unknown project key with exit code 2 and the JSON path, and writes nothing', async () => {
    // Prepare
    const file = join(dir, 'unknown-key.json');
    await writeFile(file, JSON.stringify(scenario('XYZ-1')), 'utf8');

    // Act
    const result = await cli(['run', '--scenario', file, '--data-dir', dataDir, '--cycles', '1']);

    // Assess
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`Invalid input in ${file}:`);
    expect(result.stderr).toContain('$.jira.events[0].issue: unknown project key "XYZ"');
    expect(existsSync(dataDir)).toBe(false);
  });

  it('rejects a missing scenario file with exit code 2, naming the file, and writes nothing', async () => {
    // Prepare
    const file = join(dir, 'does-not-exist.json');

    // Act
    const result = await cli(['run', '--scenario', file, '--data-dir', dataDir, '--cycles', '1']);

    // Assess
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`Invalid input in ${file}:`);
    expect(result.stderr).toMatch(/^ {2}\$: cannot read file/m);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('rejects --cycles 0 with a non-zero exit, and writes nothing', async () => {
    // Prepare
    const file = join(dir, 'valid.json');
    await writeFile(file, JSON.stringify(scenario('ATL-2')), 'utf8');

    // Act
    const result = await cli(['run', '--scenario', file, '--data-dir', dataDir, '--cycles', '0']);

    // Assess
    expect(result.code).not.toBe(0);
    expect(result.code).not.toBeNull();
    expect(result.stderr).toContain("option '--cycles <n>' argument '0' is invalid");
    expect(existsSync(dataDir)).toBe(false);
  });

  it('rejects a bad --chaos spec with exit code 2, naming the bad token and the valid faults, and writes nothing', async () => {
    // Prepare
    const file = join(dir, 'valid-for-chaos.json');
    await writeFile(file, JSON.stringify(scenario('ATL-2')), 'utf8');
    const report = join(dir, 'chaos-report.json');

    // Act
    const result = await cli(['run', '--scenario', file, '--data-dir', dataDir, '--cycles', '2', '--report', report, '--chaos', 'jira:429#2,jira:teapot']);

    // Assess
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Invalid input in --chaos:');
    expect(result.stderr).toMatch(/^ {2}jira:teapot: unknown fault "jira:teapot"; valid faults: jira:429, .*lambda:crash-after$/m);
    expect(result.stderr).not.toContain('jira:429#2:');
    expect(existsSync(dataDir)).toBe(false);
    expect(existsSync(report)).toBe(false);
  });

  it('documents the --chaos grammar and every fault in run --help', async () => {
    // Act
    const result = await cli(['run', '--help']);

    // Assess
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('target:fault[@count][#cycle][/step][=operation]');
    for (const fault of ['jira:429-no-retry-after', 'graph:sync-state-not-found', 'bedrock:malformed', 'dynamodb:conditional', 'lambda:crash-after']) expect(result.stdout).toContain(fault);
    expect(result.stdout).toContain('execute-actions');
  });
});
