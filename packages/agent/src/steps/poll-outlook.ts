import { relativeGraphLink } from '@agentic-pm/integrations';
import { countWork, existingSignalIds, getCheckpoint, getProjectRegisteredAt, putIntegrationConfig, listProjects, putCheckpoint, signalIdOf, stageChange } from '@agentic-pm/storage';
import type { AgentContext } from '../context';
import { assertLeaseHeld } from '../fencing';
import type { StepInput } from '../run-ref';
import type { PollResult } from './poll-jira';

const CHECKPOINT_KEY = 'deltaLink';
/** A resync after a lost sync state re-reads at most this far back; stored signals dedupe the overlap. */
const RESYNC_DAYS = 7;

/**
 * Where a full sync (first run, or a resync after 410) starts: shortly before the project was
 * registered, and never more than a week back, so the agent does not read a whole inbox.
 */
const fullSyncStart = async (ctx: AgentContext, projectId: string, now: string): Promise<string> => {
  const registered = Date.parse((await getProjectRegisteredAt(ctx.table, projectId)) ?? now) - ctx.settings.initialLookbackMinutes * 60_000;
  return new Date(Math.max(registered, Date.parse(now) - RESYNC_DAYS * 86_400_000)).toISOString();
};

/** Step 2b: follow each project mailbox's Graph delta, stage new messages, then save the deltaLink. */
export const pollOutlook = async (ctx: AgentContext, { run }: StepInput): Promise<PollResult & { removed: number; resynced: number }> => {
  await assertLeaseHeld(ctx.table, run);
  const projects = await listProjects(ctx.table);
  let staged = 0;
  let ignoredOwn = 0;
  let removed = 0;
  let resynced = 0;
  for (const project of projects) {
    const deltaLink = await getCheckpoint(ctx.table, project.id, 'outlook', CHECKPOINT_KEY);
    // Older checkpoints hold absolute links; either way the token only goes to the configured endpoint.
    const round = await ctx.graph.deltaRound(project.mailbox, deltaLink ? relativeGraphLink(deltaLink) : null, { receivedSince: await fullSyncStart(ctx, project.id, run.time) });
    removed += round.removedIds.length;
    if (round.resynced) resynced++;
    const sender = ctx.senderAddress.toLowerCase();
    const theirs = round.messages.filter((m) => m.from.toLowerCase() !== sender);
    ignoredOwn += round.messages.length - theirs.length;
    // Replays and resyncs deliver messages again: the message id is the dedupe key.
    const known = await existingSignalIds(ctx.table, project.id, theirs.map((m) => signalIdOf('outlook', m.id)), run.time);
    const seen = new Set<string>();
    for (const message of theirs) {
      if (known.has(signalIdOf('outlook', message.id)) || seen.has(message.id)) continue;
      seen.add(message.id);
      await stageChange(ctx.table, { projectId: project.id, source: 'outlook', dedupeKey: message.id, payload: message }, run.time);
      staged++;
    }
    await putCheckpoint(ctx.table, project.id, 'outlook', CHECKPOINT_KEY, relativeGraphLink(round.deltaLink), run.time, { runId: run.runId, leaseVersion: run.leaseVersion });
  }
  await putIntegrationConfig(ctx.table, { name: 'outlook', status: 'active', lastHealthCheck: { at: run.time, ok: true } }, run.time);
  return { changes: await countWork(ctx.table, run.time, 'CHANGE#outlook#'), staged, ignoredOwn, projects: projects.length, removed, resynced };
};
