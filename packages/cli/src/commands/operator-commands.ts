import { resolve } from 'node:path';
import type { Command } from 'commander';
import { integerIn } from '../program-support';
import { loadLocalSettings, LOCAL_TABLE_NAME, referenceTime } from '@agentic-pm/local-runtime';
import { showArtefact } from './operator/artefact-view';
import { formatEventsView, listEventsView } from './operator/events-view';
import { applyImport, formatImportReport, planImport } from './operator/import/import-old-export';
import { DEFAULT_DATA_DIR, isoOption, withDataDir } from './operator/local-data';
import { collectStatus, formatStatus } from './operator/status-view';

const positiveInt = integerIn(1);

const AT_HELP = 'view the data as of this ISO time (default: the last heartbeat, since a scenario run keeps its own clock)';

/** Registers the status, artefacts, events and import commands. Each reads or writes the table under --data-dir. */
export const registerOperatorCommands = (program: Command): Command => {
  program
    .command('status')
    .description('last run and its outcome, the lease, heartbeat age, today\'s LLM spend against the budget, pending escalations and held actions')
    .option('--data-dir <dir>', 'data directory of a local run', DEFAULT_DATA_DIR)
    .option('--config <file>', 'agent settings JSON, for the budget (defaults are embedded)')
    .option('--at <iso>', AT_HELP)
    .action(async (opts: { dataDir: string; config?: string; at?: string }) => {
      const settings = await loadLocalSettings(opts.config);
      const at = opts.at ? isoOption(opts.at, '--at', 'status') : undefined;
      const lines = await withDataDir(opts.dataDir, async (table) => {
        const view = await collectStatus(table, { asOf: at ?? (await referenceTime(table)), wallClock: new Date().toISOString(), settings });
        return formatStatus(view, resolve(opts.dataDir));
      });
      console.log(lines.join('\n'));
    });

  program
    .command('artefacts <project> <type>')
    .description('print an artefact as Markdown: the current version, --version N from history, or --diff against the version before')
    .option('--version <n>', 'a version from the history', positiveInt)
    .option('--diff', 'show the line diff of the Markdown from the version before (N-1 to N, or previous to current)')
    .option('--data-dir <dir>', 'data directory of a local run', DEFAULT_DATA_DIR)
    .action(async (projectId: string, type: string, opts: { version?: number; diff?: boolean; dataDir: string }) => {
      const text = await withDataDir(opts.dataDir, (table) =>
        showArtefact(table, { projectId, type, ...(opts.version !== undefined ? { version: opts.version } : {}), diff: opts.diff ?? false }),
      );
      console.log(text);
    });

  program
    .command('events <project>')
    .description('a project\'s events, most recent first (GLOBAL for run outcomes)')
    .option('--type <type>', 'only events of this type, e.g. signal_created, action_execute, action_hold, escalation_created, artefact_updated, jira_write, email_sent (GLOBAL: run_succeeded, run_failed, run_skipped)')
    .option('--since <iso>', 'only events at or after this ISO time')
    .option('--limit <n>', 'at most this many', positiveInt, 50)
    .option('--at <iso>', AT_HELP)
    .option('--data-dir <dir>', 'data directory of a local run', DEFAULT_DATA_DIR)
    .action(async (projectId: string, opts: { type?: string; since?: string; limit: number; at?: string; dataDir: string }) => {
      const sinceIso = opts.since ? isoOption(opts.since, '--since', 'events') : undefined;
      const at = opts.at ? isoOption(opts.at, '--at', 'events') : undefined;
      const lines = await withDataDir(opts.dataDir, async (table) => {
        const options = {
          projectId, nowIso: at ?? (await referenceTime(table)), limit: opts.limit,
          ...(opts.type ? { type: opts.type } : {}), ...(sinceIso ? { sinceIso } : {}),
        };
        return formatEventsView(await listEventsView(table, options), options);
      });
      console.log(lines.join('\n'));
    });

  program
    .command('import')
    .description('import a JSON export of the old PostgreSQL tables; everything is validated before anything is written, and importing twice changes nothing')
    .requiredOption('--from <file>', 'the export: projects, artefacts, escalations, events, agent_actions, agent_checkpoints, agent_config')
    .option('--data-dir <dir>', 'data directory to import into', DEFAULT_DATA_DIR)
    .option('--dry-run', 'validate and report what would be written, write nothing')
    .option('--now <iso>', 'the time to judge TTLs and registration by (default: the wall clock)')
    .action(async (opts: { from: string; dataDir: string; dryRun?: boolean; now?: string }) => {
      const now = opts.now ? isoOption(opts.now, '--now', 'import') : new Date().toISOString();
      // A bad file stops here, before DynamoDB Local starts or the data directory is created.
      const plan = await planImport(opts.from, now);
      const report = await withDataDir(opts.dataDir, (table) => applyImport(table, plan, { dryRun: opts.dryRun ?? false }), { create: true });
      console.log(formatImportReport(report, `${resolve(opts.dataDir)} (table ${LOCAL_TABLE_NAME})`).join('\n'));
    });

  return program;
};
