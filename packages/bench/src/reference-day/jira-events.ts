import type { Prng } from '../random/prng';
import type { Person } from './cast';
import { isoDate, type TrackedIssue } from './issue-tracker';
import type { JiraEventInput, SignalContext } from './signal-context';
import { daysAfter, percent, spokenDate } from './text-bits';

/**
 * Jira changes as a team makes them in a day: status moves, progress comments, new bugs,
 * blockers, slipped due dates, reassignments, and the occasional risk or decision in a comment.
 * Each event updates the tracker, so later events see the new state.
 */
export type JiraKind = 'transition' | 'progressComment' | 'newBug' | 'blocked' | 'dueDateChange' | 'reassign' | 'riskComment';

const member = (ctx: SignalContext, issue?: TrackedIssue): Person => issue?.assignee ?? ctx.rng.pick(ctx.project.team);

const progressText = (rng: Prng, component: string, at: string): string =>
  rng.pick([
    `Progress update: ${component} is about ${percent(rng)}% done. The remaining part is the error handling and the tests.`,
    `Finished the ${component} changes, PR #${rng.int(200, 990)} is up for review.`,
    `Deployed ${component} to staging. Smoke tests passed; I will watch the logs overnight.`,
    `Status: the ${component} work is on track for ${spokenDate(daysAfter(at, rng.int(1, 6)))}. Nothing blocking at the moment.`,
    `Paired on ${component} today and fixed the two failing cases from yesterday. Merged to main.`,
    `Update: reviewed the ${component} design with the team. We keep the current approach; tickets for the follow-ups are in the backlog.`,
  ]);

const transition = (ctx: SignalContext): JiraEventInput => {
  const move = ctx.tracker.pickTransition(ctx.project);
  if (move === undefined) return progressComment(ctx);
  const { issue, to } = move;
  const by = member(ctx, issue);
  issue.status = to;
  const reason = ctx.rng.pick(['the work is done', `PR #${ctx.rng.int(200, 990)} is merged`, 'picked this up', 'ready for QA', 'the blocker is resolved']);
  return {
    at: ctx.at,
    issue: issue.key,
    by: by.name,
    set: { status: to },
    ...(ctx.rng.chance(0.5) ? { comment: { author: by.name, body: `Moving to ${to}: ${reason}.` } } : {}),
  };
};

const progressComment = (ctx: SignalContext): JiraEventInput => {
  const issue = ctx.tracker.pick(ctx.project, (i) => i.status !== 'Done') ?? ctx.tracker.pick(ctx.project);
  if (issue === undefined) throw new Error(`no issues in ${ctx.project.config.jiraProjectKey}`);
  const by = member(ctx, issue);
  return { at: ctx.at, issue: issue.key, comment: { author: by.name, body: progressText(ctx.rng, ctx.rng.pick(ctx.project.components), ctx.at) } };
};

const SYMPTOMS = [
  'times out for large accounts',
  'returns 500 for records created before 2019',
  'duplicates contacts with accented names',
  'drops the last page of results',
  'shows stale totals after a refresh',
  'fails when the partition is empty',
  'rejects valid postcodes from Ireland',
] as const;

const newBug = (ctx: SignalContext): JiraEventInput => {
  const { rng } = ctx;
  const component = rng.pick(ctx.project.components);
  const symptom = rng.pick(SYMPTOMS);
  const reporter = rng.pick(ctx.project.team);
  const assignee = rng.chance(0.6) ? rng.pick(ctx.project.team) : null;
  const priority = rng.weighted([['Highest', 1], ['High', 3], ['Medium', 4]]);
  const issue = ctx.tracker.create(ctx.project, { summary: `${component[0]?.toUpperCase()}${component.slice(1)} ${symptom}`, status: 'To Do', priority, assignee, dueDate: null });
  const description = [
    `Steps: 1. Open ${component} in staging. 2. Run it against the March sample (${rng.int(2, 48)}k records). 3. Check the result.`,
    `Expected: every record processed. Actual: it ${symptom}.`,
    rng.pick([
      'Seen twice this week; the workaround is to rerun the job by hand.',
      `This bug blocks the dress rehearsal if it is not fixed by ${spokenDate(daysAfter(ctx.at, rng.int(2, 5)))}.`,
      'Logs are attached to the incident channel.',
    ]),
  ].join('\n');
  return {
    at: ctx.at,
    issue: issue.key,
    create: true,
    by: reporter.name,
    set: { summary: issue.summary, status: 'To Do', priority, assignee: assignee?.name ?? null, description },
  };
};

const BLOCKERS = [
  ['the network team has not opened the VPC endpoint yet', 'the endpoint is open'],
  ["the vendor's export API still returns 500 for old accounts", 'the vendor ships the fix'],
  ['there is no test data in the staging tenant', 'someone refreshes staging'],
  ['the security review is not scheduled', 'security signs off'],
  ['the service account lacks write access to the warehouse', 'IT grants the role'],
] as const;

const blocked = (ctx: SignalContext): JiraEventInput => {
  const issue = ctx.tracker.pick(ctx.project, (i) => i.status === 'In Progress' || i.status === 'To Do');
  if (issue === undefined) return progressComment(ctx);
  const by = member(ctx, issue);
  const [reason, until] = ctx.rng.pick(BLOCKERS);
  issue.status = 'Blocked';
  return {
    at: ctx.at,
    issue: issue.key,
    set: { status: 'Blocked' },
    comment: { author: by.name, body: `Blocked: ${reason}. We cannot proceed with ${issue.summary.toLowerCase()} until ${until}.` },
  };
};

const dueDateChange = (ctx: SignalContext): JiraEventInput => {
  const issue = ctx.tracker.pick(ctx.project, (i) => i.status !== 'Done' && i.dueDate !== null);
  if (issue === undefined) return progressComment(ctx);
  const by = member(ctx, issue);
  const newDue = isoDate(Date.parse(issue.dueDate ?? ctx.at) + ctx.rng.int(3, 10) * 86_400_000);
  issue.dueDate = newDue;
  const reason = ctx.rng.pick(['the review found two more cases to handle', 'we lost two days to the staging outage', 'the vendor delivery slipped', 'half the team is at the offsite']);
  return {
    at: ctx.at,
    issue: issue.key,
    set: { dueDate: newDue },
    comment: { author: by.name, body: `Moved the due date to ${newDue}: ${reason}. The delay pushes the dependent work back as well.` },
  };
};

const reassign = (ctx: SignalContext): JiraEventInput => {
  const issue = ctx.tracker.pick(ctx.project, (i) => i.status !== 'Done');
  if (issue === undefined) return progressComment(ctx);
  const by = ctx.rng.pick(ctx.project.team);
  if (ctx.rng.chance(0.5)) {
    const next = ctx.rng.pick(ctx.project.team.filter((p) => p !== issue.assignee));
    issue.assignee = next;
    return { at: ctx.at, issue: issue.key, by: by.name, set: { assignee: next.name } };
  }
  const priority = ctx.rng.pick(['Highest', 'High', 'Medium', 'Low'].filter((p) => p !== issue.priority));
  issue.priority = priority;
  return { at: ctx.at, issue: issue.key, by: by.name, set: { priority } };
};

const riskComment = (ctx: SignalContext): JiraEventInput => {
  const { rng } = ctx;
  const issue = ctx.tracker.pick(ctx.project, (i) => i.status !== 'Done') ?? ctx.tracker.pick(ctx.project);
  if (issue === undefined) throw new Error(`no issues in ${ctx.project.config.jiraProjectKey}`);
  const by = member(ctx, issue);
  const component = rng.pick(ctx.project.components);
  const body = rng.chance(0.5)
    ? `Risk: the ${component} work might slip past ${spokenDate(daysAfter(ctx.at, rng.int(3, 9)))} because we depend on a change from another team. If it slips, the cutover rehearsal moves too.`
    : `We need a decision on ${component}: option A: ship the simple version now and improve it later; option B: wait a week for the full version. Which option should we take?`;
  return { at: ctx.at, issue: issue.key, comment: { author: by.name, body } };
};

export const JIRA_EVENTS: Readonly<Record<JiraKind, (ctx: SignalContext) => JiraEventInput>> = {
  transition, progressComment, newBug, blocked, dueDateChange, reassign, riskComment,
};
