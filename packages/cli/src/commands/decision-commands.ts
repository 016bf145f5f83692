import { resolve } from 'node:path';
import type { Command } from 'commander';
import { integerIn } from '../program-support';
import { describeAction } from '@agentic-pm/agent';
import { listOutbox } from '@agentic-pm/integrations';
import { referenceTime } from '@agentic-pm/local-runtime';
import { listActionsByStatus, listEscalationsByStatus } from '@agentic-pm/storage';
import { paint } from '../format';
import { cancelHeld } from './decisions/cancel-held';
import { decide } from './decisions/decide';
import { DEFAULT_DATA_DIR, withDataDir } from './operator/local-data';

const wholeNumber = integerIn(0);

/** Registers the escalations, decide, hold and outbox commands. */
export const registerDecisionCommands = (program: Command): Command => {
  program
    .command('escalations')
    .description('list escalations waiting for your decision')
    .option('--data-dir <dir>', 'data directory of a local run', DEFAULT_DATA_DIR)
    .option('--all', 'also list decided and applied ones')
    .action(async (opts: { dataDir: string; all?: boolean }) => {
      await withDataDir(opts.dataDir, async (table) => {
        const statuses = opts.all ? (['pending', 'decided', 'applied'] as const) : (['pending'] as const);
        let shown = 0;
        for (const status of statuses) {
          for (const e of await listEscalationsByStatus(table, status)) {
            shown++;
            console.log(`${paint('bold', e.id)}  [${e.projectId}] ${status}  ${e.createdAt}\n  ${e.title}\n  ${e.context}`);
            e.options.forEach((o, i) => console.log(`    ${i}: ${o}${i === e.recommendation ? paint('green', ' (recommended)') : ''}${e.decision?.option === i ? paint('yellow', ` <- chosen by ${e.decision.decidedBy}`) : ''}`));
          }
        }
        if (shown === 0) console.log('No escalations.');
      });
    });

  program
    .command('decide <id>')
    .description('record your decision on an escalation; the next run applies it')
    .requiredOption('--option <n>', 'the option number', wholeNumber)
    .option('--notes <text>', 'your rationale, kept in the decision log')
    .option('--by <name>', 'who decided (default: the project owner)')
    .option('--data-dir <dir>', 'data directory of a local run', DEFAULT_DATA_DIR)
    .action(async (id: string, opts: { option: number; notes?: string; by?: string; dataDir: string }) => {
      await withDataDir(opts.dataDir, async (table) => {
        const decided = await decide(table, id, opts.option, opts.notes, opts.by, new Date().toISOString());
        console.log(`Recorded: "${decided.title}" -> ${decided.options[opts.option]}. The next run applies it.`);
      });
    });

  const hold = program
    .command('hold')
    .description('list held actions (they run when due unless cancelled)')
    .option('--data-dir <dir>', 'data directory of a local run', DEFAULT_DATA_DIR)
    .action(async (opts: { dataDir: string }) => {
      await withDataDir(opts.dataDir, async (table) => {
        const held = await listActionsByStatus(table, 'PENDING', await referenceTime(table));
        for (const a of held) console.log(`${paint('bold', a.id)}  [${a.projectId}] runs after ${a.executeAfter}\n  ${describeAction(a.action)}: ${a.decision.reason}`);
        if (held.length === 0) console.log('No held actions.');
      });
    });
  hold
    .command('cancel <id>')
    .description('cancel a held action before it runs')
    .option('--data-dir <dir>', 'data directory of a local run', DEFAULT_DATA_DIR)
    .action(async (id: string, opts: { dataDir: string }) => {
      await withDataDir(opts.dataDir, async (table) => {
        const cancelled = await cancelHeld(table, id, await referenceTime(table));
        console.log(`Cancelled: ${describeAction(cancelled.action)}`);
      });
    });

  program
    .command('outbox')
    .description('list the emails a local run sent')
    .option('--data-dir <dir>', 'data directory of a local run', DEFAULT_DATA_DIR)
    .action(async (opts: { dataDir: string }) => {
      const mails = await listOutbox(resolve(opts.dataDir, 'outbox'));
      for (const m of mails) console.log(`[${m.kind}] ${m.project} to ${m.to.join(', ')}: ${m.subject}\n  ${resolve(opts.dataDir, 'outbox', m.file)}`);
      if (mails.length === 0) console.log('The outbox is empty.');
    });
  return program;
};
