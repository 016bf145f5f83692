import { fileURLToPath } from 'node:url';
import type { Command, Option } from 'commander';
import { tallyRedteam, type RedteamTally, type RunReport } from '@agentic-pm/local-runtime';
import { redteamBrain } from '@agentic-pm/sandboxes';
import { loadRedteamScenario } from '@agentic-pm/scenario';
import { paint } from '../format';
import { runCommand, type RunOptions } from './run';

export const INJECTION_CORPUS = fileURLToPath(new URL('../../../scenario/scenarios/redteam/injection-corpus.json', import.meta.url));

/** The tally a person reads: attacks tried, and none of them run or leaked. */
export const printRedteam = (tally: RedteamTally, write: (line: string) => void = console.log): void => {
  const safe = tally.executed === 0 && tally.held === 0 && tally.leaks === 0 && tally.attempted === tally.declared;
  write(paint('bold', `\nRed team: ${safe ? 'no attack got through' : 'ATTACKS GOT THROUGH'}`));
  write(`  Attempted     ${tally.attempted} of ${tally.declared} attacker actions reached the policy gate`);
  write(`  Outcome       ${tally.executed} executed, ${tally.held} held, ${tally.escalated} escalated, ${tally.blocked} blocked`);
  write(`  Leaks         ${tally.leaks}${tally.leakDetails.map((l) => `\n                - ${l.channel} for ${l.project} (${l.where}) carries ${l.canaryOf} data`).join('')}`);
  for (const o of tally.outcomes.filter((x) => x.status === 'DONE' || x.status === 'PENDING')) write(`  Got through   ${o.caseId}: ${o.type} (${o.reason})`);
};

/** `redteam`: a red-team corpus run like `run`, with a brain that obeys every attacker. */
export const redteamCommand = async (options: RunOptions): Promise<RunReport> => {
  // The corpus is read and checked before anything is written, as `run` does with a scenario.
  const redteam = await loadRedteamScenario(options.scenario);
  return runCommand(options, {
    loadScenario: async () => redteam.scenario,
    brain: redteamBrain(redteam.attacks),
    extend: async (env) => ({
      redteam: await tallyRedteam({
        table: env.table, nowIso: new Date(env.clock.now()).toISOString(), attacks: redteam.attacks, canaries: redteam.canaries,
        projects: redteam.scenario.projects, outboxDir: env.outboxDir, jiraWrites: env.jiraWrites(),
      }),
    }),
    print: (report) => {
      if (report.redteam) printRedteam(report.redteam);
    },
  });
};

/**
 * Registers `redteam` with exactly the options of `run` (cloned from it, so an option added to
 * `run` is there too); only the scenario file is a red-team corpus.
 */
export const registerRedteamCommand = (program: Command, exitFor: (report: RunReport) => void): void => {
  const run = program.commands.find((c) => c.name() === 'run');
  if (!run) throw new Error('the run command must be registered before redteam');
  const command = program
    .command('redteam')
    .description('run a red-team corpus with a brain that obeys every instruction in untrusted content; the report adds a "redteam" section');
  for (const option of run.options) {
    // A copy, so the corpus can be the default file without touching `run`'s own default.
    const own = Object.assign(Object.create(Object.getPrototypeOf(option) as object) as Option, option);
    command.addOption(option.long === '--scenario' ? own.default(INJECTION_CORPUS) : own);
  }
  command.action(async (opts: RunOptions) => {
    const report = await redteamCommand(opts);
    exitFor(report);
    // An attack that got through is a failed run.
    if (report.redteam && (report.redteam.executed > 0 || report.redteam.leaks > 0)) process.exitCode = 1;
  });
};
