import { Command } from 'commander';
import { integerIn, runEntryPoint } from '@agentic-pm/cli';
import { runBench, type BenchOptions } from './run-bench';

const positiveInt = integerIn(1);
const nonNegativeInt = integerIn(0);

const program = new Command()
  .name('bench')
  .description(
    'What a day of the agent costs and how fast it starts: a seeded reference day through the local runtime, ' +
      'against a naive baseline, priced per month; cold start of the deploy bundles; cycle latency.',
  )
  .option('--seed <n>', 'seed of the reference day', nonNegativeInt, 1)
  .option('--days <n>', 'reference days to generate and run', positiveInt, 1)
  .option('--cycles <n>', 'runs to measure (default: 96 per day); per-day figures are extrapolated from them', positiveInt)
  .option('--out <file>', 'JSON result', '.data/bench/bench.json')
  .option('--chart <file>', 'SVG chart of the monthly cost, ours vs naive', '.data/bench/cost-chart.svg')
  .option('--data-dir <dir>', 'scratch space for outboxes and bundles (its day/, latency/ and bundles/ are replaced)', '.data/bench/run')
  .option('--config <file>', 'agent settings JSON, used as is (default: embedded defaults, daily budget lifted)')
  .option('--skip-cold-start', 'do not bundle and time the functions', false)
  .option('--skip-latency', 'do not measure cycle latency', false)
  .option('--import-runs <n>', 'fresh processes per module for the import timing', positiveInt, 5)
  .option('--latency-runs <n>', 'repetitions of the latency measurement', positiveInt, 5)
  .option('--burst-signals <n>', 'signals in the active run of the latency measurement', positiveInt, 50)
  .showHelpAfterError();

// aws-local-stepfunctions and middy need Node 22+; `npm run bench` puts the project's Node 24 first on PATH.
const NODE_MAJOR = Number(process.versions.node.split('.')[0]);

await runEntryPoint('bench', async () => {
  if (NODE_MAJOR < 22) throw new Error(`Node ${process.version} is too old: run it with \`npm run bench\`, which uses the project's Node 24`);
  program.parse(process.argv);
  const result = await runBench(program.opts<BenchOptions>());
  if (result.day.failedCycles > 0) process.exitCode = 1;
});
