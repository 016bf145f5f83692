import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ARTEFACT_TYPES, renderArtefactMarkdown } from '@agentic-pm/domain';
import { loadLocalSettings, parseChaosSpec, runScenario, type LocalEnvironment, type RunReport, type RunScenarioOptions } from '@agentic-pm/local-runtime';
import { loadScenario, type Scenario } from '@agentic-pm/scenario';
import { getArtefact } from '@agentic-pm/storage';
import { paint } from '../format';
import { progressPrinter } from '../progress-printer';
import { printSummary } from '../summary-printer';

export const DEMO_SCENARIO = fileURLToPath(new URL('../../../scenario/scenarios/demo.json', import.meta.url));

export interface RunOptions {
  scenario: string;
  cycles?: number;
  report?: string;
  dataDir: string;
  config?: string;
  fresh?: boolean;
  showArtefacts?: boolean;
  verbose?: boolean;
  /** A `--chaos` fault spec. */
  chaos?: string;
}

/** What another command (red-team mode) changes about a run: how the file is read, the brain, extra report sections. */
export interface RunVariant {
  loadScenario?: (file: string) => Promise<Scenario>;
  brain?: RunScenarioOptions['brain'];
  /** Adds sections to the report from the environment, before it stops. */
  extend?: (env: LocalEnvironment) => Promise<Partial<RunReport>>;
  /** Prints more after the summary. */
  print?: (report: RunReport) => void;
}

/** `run`: validate everything first, then run the cycles with live progress and a summary. */
export const runCommand = async (options: RunOptions, variant: RunVariant = {}): Promise<RunReport> => {
  // Bad input stops the run before anything is written.
  const scenario = await (variant.loadScenario ?? loadScenario)(options.scenario);
  const settings = await loadLocalSettings(options.config);
  const cycles = options.cycles ?? 8;
  if (!Number.isInteger(cycles) || cycles < 1) throw new Error(`--cycles must be a positive integer, got ${String(options.cycles)}`);
  const chaos = options.chaos === undefined ? undefined : parseChaosSpec(options.chaos, { cycles });
  const dataDir = resolve(options.dataDir);
  if (options.fresh) await rm(dataDir, { recursive: true, force: true });
  await mkdir(dataDir, { recursive: true });

  console.log(paint('bold', `agentic-pm: scenario "${scenario.name}", ${scenario.projects.length} project(s), ${cycles} cycle(s) every ${scenario.cycleMinutes} min from ${scenario.start}`));
  console.log(paint('dim', `Local stand-ins: DynamoDB Local, sandbox Jira and Graph, Converse endpoint with the offline brain; data in ${dataDir}`));
  const progress = progressPrinter(cycles, options.verbose ?? cycles <= 12);
  let extra: Partial<RunReport> = {};
  const ran = await runScenario({
    scenario, settings, cycles, dataDir, ...(variant.brain ? { brain: variant.brain } : {}),
    ...(chaos ? { chaos } : {}),
    onCycleStart: progress.cycleStart, onState: progress.state, onCycleEnd: progress.cycleEnd,
    beforeStop: async (env) => {
      if (variant.extend) extra = await variant.extend(env);
      if (!options.showArtefacts) return;
      for (const project of scenario.projects) {
        console.log(paint('bold', `\n# ${project.name} (${project.id}, autonomy ${project.autonomyLevel})\n`));
        for (const type of ARTEFACT_TYPES) {
          const artefact = await getArtefact(env.table, project.id, type);
          if (artefact) console.log(`${renderArtefactMarkdown(artefact)}\n`);
        }
      }
    },
  });
  const report: RunReport = { ...ran, ...extra };
  printSummary(report, settings.dailyBudgetUsd);
  variant.print?.(report);
  console.log(paint('dim', `  Outbox        ${resolve(dataDir, 'outbox')}`));
  if (options.report) {
    await mkdir(dirname(resolve(options.report)), { recursive: true });
    await writeFile(options.report, `${JSON.stringify(report, null, 2)}\n`, 'utf8');
    console.log(paint('dim', `  Report        ${resolve(options.report)}`));
  }
  return report;
};
