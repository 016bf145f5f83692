import { cycleTime, type Scenario } from '@agentic-pm/scenario';
import { dayOf } from '@agentic-pm/storage';
import type { AgentSettings } from '@agentic-pm/domain';
import type { Brain } from '@agentic-pm/sandboxes';
import { startLocalEnvironment, type LocalEnvironment } from './local-environment';
import { buildReport, ledgerTotals, type RunReport } from './report';
import { runCycle, type CycleResult, type StateProgress } from './run-cycle';
import { METRIC_NAMES } from '@agentic-pm/agent';
import { ChaosInjector } from './chaos/chaos-injector';
import type { ChaosPlan } from './chaos/chaos-spec';

export interface RunScenarioOptions {
  scenario: Scenario;
  settings: AgentSettings;
  cycles: number;
  dataDir: string;
  dynamoEndpoint?: string;
  tableName?: string;
  brain?: Brain;
  /** Faults to inject (`--chaos`); the report then lists each with how often it fired. */
  chaos?: ChaosPlan;
  onCycleStart?: (k: number, at: string) => void;
  onState?: (k: number, progress: StateProgress) => void;
  onCycleEnd?: (k: number, result: CycleResult) => void;
  /** Called with the environment before it stops, e.g. to print artefacts. */
  beforeStop?: (env: LocalEnvironment) => Promise<void>;
}

/** Runs N cycles of a scenario through the workflow, on loopback stand-ins, and reports what happened. */
export const runScenario = async (options: RunScenarioOptions): Promise<RunReport> => {
  const { scenario } = options;
  const chaos = options.chaos ? new ChaosInjector(options.chaos) : undefined;
  const env = await startLocalEnvironment({
    scenario, settings: options.settings, dataDir: options.dataDir,
    ...(options.dynamoEndpoint ? { dynamoEndpoint: options.dynamoEndpoint } : {}),
    ...(options.tableName ? { tableName: options.tableName } : {}),
    ...(options.brain ? { brain: options.brain } : {}),
    ...(chaos ? { chaos } : {}),
  });
  try {
    const times = Array.from({ length: options.cycles }, (_, i) => cycleTime(scenario.start, scenario.cycleMinutes, i + 1));
    const llmBefore = await ledgerTotals(env.table, times.map(dayOf));
    const cycles: CycleResult[] = [];
    for (const [i, at] of times.entries()) {
      const k = i + 1;
      env.clock.set(at);
      options.onCycleStart?.(k, at);
      chaos?.beginCycle(k);
      const result = await runCycle(env.provider, at, (p) => options.onState?.(k, p), undefined, chaos?.wrap).finally(() => chaos?.endCycle());
      cycles.push(result);
      options.onCycleEnd?.(k, result);
    }
    await options.beforeStop?.(env);
    return await buildReport({
      scenario: scenario.name, table: env.table, cycles, projectIds: scenario.projects.map((p) => p.id),
      jiraWrites: env.jiraWrites().map(({ issue, kind, detail }) => ({ issue, kind, detail })),
      llmBefore,
      ...(chaos ? { faults: chaos.report() } : {}),
      metrics: Object.fromEntries(METRIC_NAMES.map((n) => [n, n === 'LLMCostDaily' ? Math.max(0, ...env.metrics.points.filter((p) => p.name === n).map((p) => p.value)) : env.metrics.total(n)])),
    });
  } finally {
    await env.stop();
  }
};
