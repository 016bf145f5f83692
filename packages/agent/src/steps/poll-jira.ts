import type { JiraChange } from '@agentic-pm/integrations';
import { countWork, existingSignalIds, getCheckpoint, getProjectRegisteredAt, putIntegrationConfig, listProjects, putCheckpoint, putJiraIssues, signalIdOf, stageChange } from '@agentic-pm/storage';
import type { AgentContext } from '../context';
import { assertLeaseHeld } from '../fencing';
import type { StepInput } from '../run-ref';

export interface PollResult {
  /** Changes staged and waiting for Normalise, including any a failed run left. */
  changes: number;
  staged: number;
  ignoredOwn: number;
  projects: number;
}

const CHECKPOINT_KEY = 'updated';

/** Step 2a: stage every Jira change since the checkpoint, then move the checkpoint to the max `updated` seen. */
export const pollJira = async (ctx: AgentContext, { run }: StepInput): Promise<PollResult> => {
  await assertLeaseHeld(ctx.table, run);
  const projects = await listProjects(ctx.table);
  let staged = 0;
  let ignoredOwn = 0;
  for (const project of projects) {
    const checkpoint = await getCheckpoint(ctx.table, project.id, 'jira', CHECKPOINT_KEY);
    // Search is eventually consistent and compares at minute precision: overlap, then dedupe.
    const sinceMs = checkpoint
      ? Number(checkpoint) - ctx.settings.jiraOverlapMinutes * 60_000
      : Date.parse((await getProjectRegisteredAt(ctx.table, project.id)) ?? run.time) - ctx.settings.initialLookbackMinutes * 60_000;
    const result = await ctx.jira.pollChanges(project.jiraProjectKey, sinceMs);
    await putJiraIssues(
      ctx.table,
      project.id,
      result.issues.map(({ key, summary, status, priority, assignee, dueDate, labels, updated }) => ({ key, summary, status, priority, assignee, dueDate, labels, updated })),
    );
    const own = (c: JiraChange): boolean => c.byAgent || c.actor === ctx.settings.agentJiraActor;
    const theirs = result.changes.filter((c) => !own(c));
    ignoredOwn += result.changes.length - theirs.length;
    const known = await existingSignalIds(ctx.table, project.id, theirs.map((c) => signalIdOf('jira', c.dedupeKey)), run.time);
    for (const change of theirs.filter((c) => !known.has(signalIdOf('jira', c.dedupeKey)))) {
      await stageChange(ctx.table, { projectId: project.id, source: 'jira', dedupeKey: change.dedupeKey, payload: change }, run.time);
      staged++;
    }
    // Only now that the changes are stored may the cursor move, and never backwards. An issue
    // dated in the future (a skewed clock, bad data) must not make later polls skip real changes,
    // so the cursor stops at this run's time; what lies beyond is read again and deduped.
    const next = result.maxUpdatedMs === null ? null : Math.min(result.maxUpdatedMs, Date.parse(run.time));
    if (next !== null && next > Number(checkpoint ?? 0)) {
      await putCheckpoint(ctx.table, project.id, 'jira', CHECKPOINT_KEY, String(next), run.time, { runId: run.runId, leaseVersion: run.leaseVersion });
    }
  }
  // A completed poll is the integration's health check; housekeeping reports one that stopped.
  await putIntegrationConfig(ctx.table, { name: 'jira', status: 'active', lastHealthCheck: { at: run.time, ok: true } }, run.time);
  return { changes: await countWork(ctx.table, run.time, 'CHANGE#jira#'), staged, ignoredOwn, projects: projects.length };
};
