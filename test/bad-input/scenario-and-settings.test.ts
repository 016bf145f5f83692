import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultSettings } from '@agentic-pm/domain';
import { loadLocalSettings } from '@agentic-pm/local-runtime';
import { loadScenario, parseScenario } from '@agentic-pm/scenario';
import { TWO_PROJECTS } from '../e2e/fixtures/two-projects-with-mail-request';
import { expectNamedProblem, mutate, mutationOf, SEED, thrownBy } from './properties';

describe('scenario and settings files: bad input gets a ValidationError naming the file and the JSON path', () => {
  let dir: string;
  let scenarioText: string;
  let scenario: unknown;
  let counter = 0;
  const write = async (content: string): Promise<string> => {
    const file = join(dir, `input-${(counter += 1)}.json`);
    await writeFile(file, content, 'utf8');
    return file;
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'agentic-pm-bad-scenario-'));
    scenarioText = await readFile(TWO_PROJECTS, 'utf8');
    scenario = JSON.parse(scenarioText);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('parses or refuses a scenario with one field wrong or missing', () => {
    fc.assert(
      fc.property(mutationOf(scenario), (mutation) => {
        // Act
        const error = (() => {
          try {
            parseScenario(mutate(scenario, mutation), 'scenario.json');
            return undefined;
          } catch (e) {
            return e;
          }
        })();

        // Assess
        if (error !== undefined) expectNamedProblem(error, 'scenario.json');
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('refuses a truncated scenario file as not valid JSON', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: scenarioText.length - 1 }), async (cut) => {
        // Prepare
        const file = await write(scenarioText.slice(0, cut));

        // Act
        const error = await thrownBy(() => loadScenario(file));

        // Assess
        expectNamedProblem(error, file);
        expect((error as Error).message).toMatch(/not valid JSON/);
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('refuses any JSON document that is not a scenario', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 3 }), async (value) => {
        // Prepare
        const file = await write(JSON.stringify(value) ?? 'null');

        // Act
        const error = await thrownBy(() => loadScenario(file));

        // Assess
        expectNamedProblem(error, file);
      }),
      { seed: SEED, numRuns: 100 },
    );
  });

  it('loads or refuses a settings file with one field wrong or missing', async () => {
    const settings = defaultSettings();
    await fc.assert(
      fc.asyncProperty(mutationOf(settings), async (mutation) => {
        // Prepare
        const file = await write(JSON.stringify(mutate(settings, mutation)) ?? '');

        // Act
        const error = await thrownBy(() => loadLocalSettings(file));

        // Assess
        if (error !== undefined) expectNamedProblem(error, file);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('refuses a truncated settings file and one that is not a settings object', async () => {
    const text = JSON.stringify(defaultSettings(), null, 2);
    const notSettings = fc.jsonValue({ maxDepth: 2 }).filter((v) => v === null || typeof v !== 'object' || Array.isArray(v));
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.nat({ max: text.length - 1 }).map((cut) => text.slice(0, cut)), notSettings.map((v) => JSON.stringify(v))), async (content) => {
        // Prepare
        const file = await write(content);

        // Act
        const error = await thrownBy(() => loadLocalSettings(file));

        // Assess
        expectNamedProblem(error, file);
      }),
      { seed: SEED, numRuns: 100 },
    );
  });
});
