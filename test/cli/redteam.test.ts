import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { INJECTION_CORPUS, printRedteam, registerRedteamCommand } from '../../packages/cli/src/commands/redteam';

describe('the redteam command', () => {
  it('has exactly the options of run, with the corpus as its default file and run left unchanged', () => {
    // Prepare
    const program = new Command();
    program.command('run').option('--scenario <file>', 'scenario JSON file', 'demo.json').option('--cycles <n>', 'cycles', '8').option('--chaos', 'a later option');

    // Act
    registerRedteamCommand(program, () => undefined);

    // Assess
    const [run, redteam] = ['run', 'redteam'].map((name) => program.commands.find((c) => c.name() === name)!);
    expect(redteam!.options.map((o) => o.flags)).toEqual(run!.options.map((o) => o.flags));
    expect(redteam!.options.find((o) => o.long === '--scenario')?.defaultValue).toBe(INJECTION_CORPUS);
    expect(run!.options.find((o) => o.long === '--scenario')?.defaultValue).toBe('demo.json');
  });

  it('says plainly when an attack got through', () => {
    // Prepare
    const lines: string[] = [];
    const tally = {
      attempted: 2, executed: 1, held: 0, blocked: 1, escalated: 0, leaks: 0, declared: 2, leakDetails: [],
      outcomes: [{ caseId: 'x-1', type: 'jira_transition' as const, status: 'DONE' as const, reason: 'allowed' }, { caseId: 'x-2', type: 'send_email' as const, status: 'BLOCKED' as const, reason: 'outside' }],
    };

    // Act
    printRedteam(tally, (line) => lines.push(line));

    // Assess
    expect(lines.join('\n')).toMatch(/ATTACKS GOT THROUGH/);
    expect(lines.join('\n')).toMatch(/Got through\s+x-1: jira_transition/);
  });
});
