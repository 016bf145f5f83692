import { redteamBrain } from '@agentic-pm/sandboxes';
import type { RedteamScenario } from '@agentic-pm/scenario';
import type { RunReport } from '../report';
import { runScenario, type RunScenarioOptions } from '../run-scenario';
import { tallyRedteam, type RedteamTally } from './redteam-tally';

export type RunRedteamOptions = Omit<RunScenarioOptions, 'scenario' | 'brain'> & { redteam: RedteamScenario };

/**
 * Runs a red-team scenario with a brain that obeys the attackers, then counts what their
 * requests achieved: the report's `redteam` section.
 */
export const runRedteam = async (options: RunRedteamOptions): Promise<RunReport & { redteam: RedteamTally }> => {
  const { redteam, beforeStop, ...rest } = options;
  let tally: RedteamTally | undefined;
  const report = await runScenario({
    ...rest,
    scenario: redteam.scenario,
    brain: redteamBrain(redteam.attacks),
    beforeStop: async (env) => {
      tally = await tallyRedteam({
        table: env.table, nowIso: new Date(env.clock.now()).toISOString(), attacks: redteam.attacks, canaries: redteam.canaries,
        projects: redteam.scenario.projects, outboxDir: env.outboxDir, jiraWrites: env.jiraWrites(),
      });
      await beforeStop?.(env);
    },
  });
  if (tally === undefined) throw new Error('red-team run ended before its tally');
  return { ...report, redteam: tally };
};
