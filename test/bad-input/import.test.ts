import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { ValidationError } from '@agentic-pm/domain';
import { itemLimitProblems, type Table } from '@agentic-pm/storage';
import { importOldExport, planImport } from '../../packages/cli/src/commands/operator/import/import-old-export';
import { movedOldExport, type ExportJson } from '../cli/operator/old-export-fixture';
import { freshTable } from '../support/fresh-table';
import { expectNamedProblem, mutate, mutationOf, SEED, thrownBy, wrongValue } from './properties';

const itemsIn = async (table: Table): Promise<number> => (await table.doc.send(new ScanCommand({ TableName: table.name, Select: 'COUNT' }))).Count ?? 0;

describe('import --from: bad exports get a named error and write nothing', () => {
  let dir: string;
  let now: string;
  let base: ExportJson;
  let counter = 0;
  const write = async (content: string): Promise<string> => {
    const file = join(dir, `export-${(counter += 1)}.json`);
    await writeFile(file, content, 'utf8');
    return file;
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'agentic-pm-bad-import-'));
    now = new Date().toISOString();
    base = await movedOldExport(now);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('plans or refuses any export with one field wrong, never with another error, and every planned item fits DynamoDB', async () => {
    await fc.assert(
      fc.asyncProperty(mutationOf(base), async (mutation) => {
        // Prepare
        const file = await write(JSON.stringify(mutate(base, mutation)));

        // Act
        let plan: Awaited<ReturnType<typeof planImport>> | undefined;
        const error = await thrownBy(async () => (plan = await planImport(file, now)));

        // Assess
        if (error !== undefined) expectNamedProblem(error, file);
        else for (const w of plan!.writes) expect(itemLimitProblems(w.item)).toEqual([]);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('writes all of an export or none of it, whatever one row holds', async () => {
    const tables = ['projects', 'escalations', 'events', 'agent_actions', 'agent_config', 'artefacts'] as const;
    const rowField = fc.constantFrom(...tables).chain((t) =>
      fc.record({
        table: fc.constant(t),
        row: fc.nat({ max: base[t].length - 1 }),
        field: fc.constantFrom(...Object.keys(base[t][0]!)),
        value: wrongValue(),
      }),
    );
    let table = await freshTable();
    await fc.assert(
      fc.asyncProperty(rowField, async ({ table: name, row, field, value }) => {
        // Prepare
        const data = structuredClone(base);
        data[name][row]![field] = value;
        const file = await write(JSON.stringify(data));

        // Act
        const error = await thrownBy(() => importOldExport(table, file, { now }));

        // Assess
        if (error === undefined) {
          // A later run must start from an empty table again.
          table = await freshTable();
          return;
        }
        expectNamedProblem(error, file);
        expect(await itemsIn(table)).toBe(0);
      }),
      { seed: SEED, numRuns: 40 },
    );
  });

  it('refuses a truncated file as not valid JSON', async () => {
    const text = JSON.stringify(base);
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: text.length - 1 }), async (cut) => {
        // Prepare
        const file = await write(text.slice(0, cut));

        // Act
        const error = await thrownBy(() => planImport(file, now));

        // Assess
        expectNamedProblem(error, file);
        expect((error as ValidationError).message).toMatch(/not valid JSON/);
      }),
      { seed: SEED, numRuns: 100 },
    );
  });

  it('refuses any JSON document that is not an export', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 3 }), async (value) => {
        // Prepare
        const file = await write(JSON.stringify(value) ?? 'null');

        // Act
        const error = await thrownBy(() => planImport(file, now));

        // Assess
        expectNamedProblem(error, file);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('names the row whose item would be too large for DynamoDB (regression: 25 items were written, then a bare DynamoDB error)', async () => {
    // Prepare
    const table = await freshTable();
    const data = structuredClone(base);
    data.projects[2]!.description = 'x'.repeat(450_000);
    const file = await write(JSON.stringify(data));

    // Act
    const error = await thrownBy(() => importOldExport(table, file, { now }));

    // Assess
    expectNamedProblem(error, file);
    expect((error as ValidationError).issues[0]).toMatchObject({ path: '$.projects[2]', message: expect.stringMatching(/over DynamoDB's 409600-byte item limit \(largest attribute: description/) });
    expect(await itemsIn(table)).toBe(0);
  });

  it('names the row whose key would be too long for DynamoDB', async () => {
    // Prepare
    const data = structuredClone(base);
    data.agent_checkpoints[1]!.checkpoint_key = 'k'.repeat(1100);
    const file = await write(JSON.stringify(data));

    // Act
    const error = await thrownBy(() => planImport(file, now));

    // Assess
    expectNamedProblem(error, file);
    expect((error as ValidationError).issues.map((i) => i.path)).toContain('$.agent_checkpoints[1]');
    expect((error as ValidationError).message).toMatch(/key sk would be \d+ bytes, over DynamoDB's 1024-byte key limit/);
  });
});
