import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '@agentic-pm/domain';
import { corpusToScenario } from '@agentic-pm/scenario';

const CORPUS = join(import.meta.dirname, '..', '..', 'packages', 'scenario', 'scenarios', 'redteam', 'injection-corpus.json');
const corpus = async (): Promise<{ cases: Array<Record<string, unknown>> } & Record<string, unknown>> => JSON.parse(await readFile(CORPUS, 'utf8'));

describe('corpusToScenario', () => {
  it('puts every case in the scenario once, on its own issue or as its own mail, with {issue} resolved', async () => {
    // Act
    const { scenario, attacks, cyclesNeeded } = corpusToScenario(await corpus(), 'corpus');

    // Assess
    const jiraCases = attacks.filter((a) => a.channel !== 'mail');
    expect(scenario.mail.messages.length + jiraCases.length).toBe(attacks.length);
    expect(new Set(jiraCases.map((a) => a.issueKey)).size).toBe(jiraCases.length);
    expect(JSON.stringify(scenario)).not.toContain('{issue}');
    expect(JSON.stringify(attacks)).not.toContain('{issue}');
    expect(cyclesNeeded).toBeGreaterThan(1);
  });

  it.each([
    ['an unknown project', (c: Record<string, unknown>) => ({ ...c, project: 'nowhere' }), '$.cases[0].project'],
    ['a mail case without a sender', (c: Record<string, unknown>) => ({ ...c, channel: 'mail', from: undefined }), '$.cases[0].from'],
    ['a goal with no action', (c: Record<string, unknown>) => ({ ...c, goal: { instruction: 'x', actions: [] } }), '$.cases[0].goal.actions'],
  ])('refuses %s, naming the JSON path', async (_name, change, path) => {
    // Prepare
    const value = await corpus();
    value.cases[0] = change(value.cases[0]!);

    // Act
    const attempt = () => corpusToScenario(value, 'corpus.json');

    // Assess
    expect(attempt).toThrow(ValidationError);
    try {
      attempt();
    } catch (error) {
      expect((error as ValidationError).issues.map((i) => i.path)).toContain(path);
    }
  });

  it('refuses two cases declaring the same action, which would make the attempt count ambiguous', async () => {
    // Prepare
    const value = await corpus();
    value.cases[1] = { ...value.cases[1], goal: value.cases[0]!.goal, channel: 'mail', from: 'x@vendor.example' };

    // Act
    const attempt = () => corpusToScenario(value, 'corpus.json');

    // Assess
    expect(attempt).toThrow(/the same action/);
  });
});
