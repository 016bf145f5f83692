import type { Prng } from '../random/prng';
import type { ProjectCast } from './cast';
import { JIRA_EVENTS, type JiraKind } from './jira-events';
import { MAIL_MESSAGES, type MailKind } from './mail-messages';
import type { GeneratedSignal, SignalContext } from './signal-context';

/**
 * How often each kind of signal occurs, in percent of a day's signals: a bit over half mail
 * (a fifth of it noise the rules settle), the rest Jira changes. Most signals are routine;
 * blockers, risks and decisions are a handful a day, as in a real project.
 */
export const MAIL_MIX: ReadonlyArray<readonly [MailKind, number]> = [
  ['newsletter', 8], ['autoReply', 4], ['statusUpdate', 9], ['threadReply', 12], ['blockerMail', 3], ['riskMail', 4],
  ['decisionRequest', 4], ['vendorUpdate', 5], ['meetingNotes', 5], ['suspicious', 1],
];

export const JIRA_MIX: ReadonlyArray<readonly [JiraKind, number]> = [
  ['transition', 14], ['progressComment', 10], ['newBug', 5], ['blocked', 2], ['dueDateChange', 4], ['reassign', 6], ['riskComment', 4],
];

const KINDS: ReadonlyArray<readonly [{ mail: MailKind } | { jira: JiraKind }, number]> = [
  ...MAIL_MIX.map(([kind, weight]) => [{ mail: kind }, weight] as const),
  ...JIRA_MIX.map(([kind, weight]) => [{ jira: kind }, weight] as const),
];

/** One signal of a random kind for a random project (by the projects' shares), arriving at `at`. */
export const generateSignal = (rng: Prng, base: Omit<SignalContext, 'project' | 'at' | 'rng'>, projects: readonly ProjectCast[], at: string): GeneratedSignal => {
  const project = rng.weighted(projects.map((p) => [p, p.share] as const));
  const ctx: SignalContext = { ...base, rng, project, at };
  const kind = rng.weighted(KINDS);
  return 'mail' in kind ? { kind: kind.mail, mail: MAIL_MESSAGES[kind.mail](ctx) } : { kind: kind.jira, jira: JIRA_EVENTS[kind.jira](ctx) };
};
