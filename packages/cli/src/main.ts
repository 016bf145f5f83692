import { Command } from 'commander';
import { registerDecisionCommands } from './commands/decision-commands';
import { registerOperatorCommands } from './commands/operator-commands';
import { DEMO_SCENARIO, runCommand, type RunOptions } from './commands/run';
import { CHAOS_GRAMMAR, describeFaults, STEPS } from '@agentic-pm/local-runtime';
import { registerRedteamCommand } from './commands/redteam';

import { DEFAULT_DATA_DIR } from './commands/operator/local-data';
import { integerIn, runEntryPoint } from './program-support';

const positiveInt = integerIn(1);

const program = new Command()
  .name('agentic-pm')
  .description('Runs the agentic-pm agent loop on this machine: the real workflow and handlers against local stand-ins for AWS, Jira, Outlook and Bedrock.')
  .showHelpAfterError();

const exitFor = (report: { cycles: Array<{ status: string }> }): void => {
  if (report.cycles.some((c) => c.status === 'FAILED')) process.exitCode = 1;
};

program
  .command('demo', { isDefault: true })
  .description('run the bundled demo scenario from a fresh data directory and show the artefacts')
  .option('--cycles <n>', 'number of 15-minute cycles', positiveInt, 8)
  .option('--data-dir <dir>', 'where DynamoDB Local and the outbox keep data', '.data/demo')
  .action(async (opts: { cycles: number; dataDir: string }) => {
    exitFor(await runCommand({ scenario: DEMO_SCENARIO, cycles: opts.cycles, dataDir: opts.dataDir, fresh: true, showArtefacts: true }));
  });

program
  .command('run')
  .description('run a scenario for N cycles')
  .option('--scenario <file>', 'scenario JSON file', DEMO_SCENARIO)
  .option('--cycles <n>', 'number of cycles', positiveInt, 8)
  .option('--report <file>', 'write a JSON report here')
  .option('--data-dir <dir>', 'where DynamoDB Local and the outbox keep data (kept between runs)', DEFAULT_DATA_DIR)
  .option('--config <file>', 'agent settings JSON (defaults are embedded)')
  .option('--show-artefacts', 'print the artefacts as Markdown at the end')
  .option('--verbose', 'one line per state even for long runs')
  .option('--chaos <spec>', `inject faults: ${CHAOS_GRAMMAR} (see below)`)
  .addHelpText('after', `
Fault injection (--chaos): each fault is target:fault with optional modifiers
  @COUNT  fires that many times (default 1)     #CYCLE  in that cycle, from 1 (default 1)
  /STEP   only while that Task state runs        =OP     only on that DynamoDB operation
Faults:
${describeFaults()}
Steps: ${Object.keys(STEPS).join(', ')}
Example: --chaos 'jira:429@2#3,graph:sync-state-not-found#2,lambda:crash-after/execute-actions#3'
The report (--report) lists each planned fault and how many times it fired, in which cycle and state.`)
  .action(async (opts: RunOptions) => {
    exitFor(await runCommand(opts));
  });

registerRedteamCommand(program, exitFor);
registerOperatorCommands(program);
registerDecisionCommands(program);

await runEntryPoint('agentic-pm', async () => {
  await program.parseAsync(process.argv);
});
