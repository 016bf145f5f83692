import { writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { Command } from 'commander';
import { integerIn, runEntryPoint } from '@agentic-pm/cli';
import { loadLocalSettings } from '@agentic-pm/local-runtime';
import type { AgentSettings } from '@agentic-pm/domain';
import { createBedrockRuntime } from '@agentic-pm/llm';
import { startConverseSandbox, type ConverseSandbox } from '@agentic-pm/sandboxes';
import { evaluateTriage } from './evaluate';
import { DEFAULT_SET_FILE, loadLabelledSet } from './labelled-set';
import { formatReport } from './table';
import { recordedUsageByPass } from './usage-summary';

interface EvalOptions {
  bedrock?: boolean;
  region?: string;
  model?: string;
  set: string;
  batchSize?: number;
  limit?: number;
  config?: string;
  json?: string;
  verbose?: boolean;
}

const intIn = integerIn;


const shown = (file: string): string => {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
};

const run = async (opts: EvalOptions): Promise<void> => {
  const loaded = await loadLocalSettings(opts.config);
  const settings: AgentSettings = {
    ...loaded,
    models: { ...loaded.models, ...(opts.model === undefined ? {} : { triage: opts.model }), ...(opts.region === undefined ? {} : { region: opts.region }) },
  };
  const all = await loadLabelledSet(opts.set);
  const items = opts.limit === undefined ? all : all.slice(0, opts.limit);
  const region = settings.models.region;

  let sandbox: ConverseSandbox | undefined;
  try {
    // Real Bedrock: the SDK's default credential chain (environment, profile, SSO, instance role).
    if (!opts.bedrock) sandbox = await startConverseSandbox();
    const client = createBedrockRuntime({ region, ...(sandbox === undefined ? {} : { endpoint: sandbox.endpoint }) });
    const target = sandbox === undefined ? `Amazon Bedrock in ${region}` : 'the local Converse sandbox (offline brain)';
    const batchSize = opts.batchSize ?? settings.triageBatchSize;
    console.log(`Triaging ${items.length} signals in batches of ${batchSize} with ${settings.models.triage} via ${target} ...\n`);

    const result = await evaluateTriage(items, { client, settings, batchSize });
    const recorded = sandbox === undefined ? undefined : recordedUsageByPass(sandbox.calls());
    const setFile = shown(opts.set);
    console.log(formatReport(result, { setFile, target, ...(recorded ? { recorded } : {}), verbose: opts.verbose ?? false }).join('\n'));

    if (opts.json !== undefined) {
      const report = {
        generatedAt: new Date().toISOString(),
        setFile,
        target: sandbox === undefined ? { kind: 'bedrock', region } : { kind: 'local-sandbox', brain: 'offline' },
        model: settings.models.triage,
        ...result,
        ...(recorded ? { sandboxRecord: recorded } : {}),
      };
      await writeFile(opts.json, `${JSON.stringify(report, null, 2)}\n`);
      console.log(`\nResults written to ${opts.json}`);
    }
  } finally {
    await sandbox?.close();
  }
};

const program = new Command()
  .name('eval')
  .description(
    'Runs two-pass triage over a labelled set of signals and prints per-category precision and recall, ' +
      'injection detection, tokens and cost. By default against the local Converse sandbox with the offline brain.',
  )
  .option('--bedrock', 'call Amazon Bedrock with the default AWS credential chain instead of the local sandbox')
  .option('--region <region>', 'Bedrock region (default: the settings, us-east-1)')
  .option('--model <id>', 'triage model id or inference profile (default: Claude Haiku 4.5)')
  .option('--set <file>', 'labelled set JSON', DEFAULT_SET_FILE)
  .option('--batch-size <n>', 'signals per triage call (default: the settings, 20)', intIn(1, 100))
  .option('--limit <n>', 'evaluate only the first n signals of the set', intIn(1, 100_000))
  .option('--config <file>', 'agent settings JSON: models, prices, batch size, text limit')
  .option('--json <file>', 'also write the full results as JSON')
  .option('--verbose', 'list every misclassified signal')
  .showHelpAfterError()
  .action(run);

await runEntryPoint(
  'eval',
  async () => {
    await program.parseAsync(process.argv);
  },
  (e) => (e.name === 'CredentialsProviderError' ? '\n(no AWS credentials found: set AWS_PROFILE or AWS_ACCESS_KEY_ID, or run without --bedrock)' : ''),
);
