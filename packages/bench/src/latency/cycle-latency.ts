import { join } from 'node:path';
import type { AgentSettings } from '@agentic-pm/domain';
import { runCycle, startLocalEnvironment } from '@agentic-pm/local-runtime';
import { cycleTime } from '@agentic-pm/scenario';
import { generateBurst } from '../reference-day/generate-scenario';
import { silentProgress, type Progress } from '../progress';
import { median } from '../stats';

export interface CycleLatency {
  runs: number;
  burstSignals: number;
  /** Wall time of each measured run, in ms. */
  noChangeMs: number[];
  activeMs: number[];
  /** Signals each active run actually created (should equal burstSignals). */
  activeSignals: number[];
  medianNoChangeMs: number;
  medianActiveMs: number;
}

/**
 * Wall time of whole runs in the local runtime, DynamoDB Local already up: per repetition a
 * fresh table and sandboxes, run 1 primes the mailbox and Jira cursors, run 2 takes a burst of
 * `signals` new signals, runs 3 and 4 find nothing new. The local figure is an in-process lower
 * bound: no Lambda cold starts, no Step Functions overhead, loopback stand-ins that answer in
 * microseconds instead of Bedrock's seconds.
 */
export const measureCycleLatency = async (options: {
  settings: AgentSettings;
  dynamoEndpoint: string;
  dataDir: string;
  seed: number;
  signals: number;
  runs: number;
  progress?: Progress;
}): Promise<CycleLatency> => {
  const { scenario } = generateBurst({ seed: options.seed, signals: options.signals });
  const progress = options.progress ?? silentProgress;
  const noChangeMs: number[] = [];
  const activeMs: number[] = [];
  const activeSignals: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    const env = await startLocalEnvironment({
      scenario, settings: options.settings, dataDir: join(options.dataDir, `latency-${i + 1}`), dynamoEndpoint: options.dynamoEndpoint, tableName: `bench-latency-${i + 1}`,
    });
    try {
      for (let k = 1; k <= 4; k++) {
        const at = cycleTime(scenario.start, scenario.cycleMinutes, k);
        env.clock.set(at);
        const result = await runCycle(env.provider, at);
        if (result.status !== 'SUCCEEDED') throw new Error(`latency run ${i + 1}, cycle ${k}: ${result.status} ${result.error?.cause ?? ''}`);
        if (k === 2) {
          activeMs.push(result.wallMs);
          const signals = result.output?.signals as { created?: number } | undefined;
          activeSignals.push(signals?.created ?? 0);
        } else if (k > 2) noChangeMs.push(result.wallMs);
      }
    } finally {
      await env.stop();
    }
    progress.update(i + 1, options.runs);
  }
  const result: CycleLatency = {
    runs: options.runs, burstSignals: options.signals, noChangeMs, activeMs, activeSignals,
    medianNoChangeMs: median(noChangeMs), medianActiveMs: median(activeMs),
  };
  progress.finish(`no-change ${Math.round(result.medianNoChangeMs)} ms, ${options.signals}-signal ${Math.round(result.medianActiveMs)} ms (medians of ${options.runs})`);
  return result;
};
