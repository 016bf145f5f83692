import { tripwire, type ProjectConfig, type RulesVerdict, type Signal, type TrustTier } from '@agentic-pm/domain';
import type { JiraChange, MailMessage } from '@agentic-pm/integrations';
import { signalIdOf, type StagedChange } from '@agentic-pm/storage';
import { verdictForJiraChange } from './jira-change-rules';

const domainOf = (address: string): string => address.slice(address.lastIndexOf('@') + 1).toLowerCase();

/**
 * Internal only when the From domain is one of the project's AND the receiving server
 * authenticated it: anyone can type an internal From address. Exact, ASCII-only comparison, so a
 * look-alike (`examp1e.com`, Cyrillic letters, punycode) is another domain.
 */
export const trustOfSender = (from: string, project: ProjectConfig, authenticatedDomain: string | null | undefined): TrustTier => {
  const domain = domainOf(from);
  const ours = /^[\x21-\x7e]+$/.test(domain) && project.allowedEmailDomains.some((d) => d.toLowerCase() === domain);
  return ours && authenticatedDomain?.toLowerCase() === domain ? 'internal' : 'external';
};

/** Keeps stored text bounded, with a marker so a reader knows it was cut. */
export const bound = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max)}\n[truncated: ${text.length - max} more characters]`;

const fromJira = (change: JiraChange, project: ProjectConfig, runId: string, maxChars: number): Signal => {
  const who = change.actor ?? 'Someone';
  const lines: string[] = [];
  if (change.created) lines.push(`${who} created the issue.`, change.issue.description);
  for (const c of change.changes) lines.push(`${who} changed ${c.field} from "${c.from ?? 'none'}" to "${c.to ?? 'none'}".`);
  for (const c of change.comments) lines.push(`${c.author} commented: ${c.body}`);
  return {
    id: signalIdOf('jira', change.dedupeKey),
    projectId: project.id,
    source: 'jira',
    dedupeKey: change.dedupeKey,
    occurredAt: change.occurredAt,
    actor: change.actor,
    // The project's own Jira is internal; its text is still untrusted and goes through pass 1.
    trust: 'internal',
    issueKey: change.issue.key,
    title: `${change.issue.key}: ${change.issue.summary}`,
    text: bound(lines.filter(Boolean).join('\n'), maxChars),
    changes: change.changes,
    ...withVerdict(verdictForJiraChange(change)),
    runId,
  };
};

const withVerdict = (verdict: RulesVerdict | undefined): { prefiltered?: RulesVerdict } => (verdict === undefined ? {} : { prefiltered: verdict });

const fromMail = (message: MailMessage, project: ProjectConfig, runId: string, maxChars: number): Signal => ({
  id: signalIdOf('outlook', message.id),
  projectId: project.id,
  source: 'outlook',
  dedupeKey: message.id,
  occurredAt: message.receivedAt,
  actor: message.fromName ?? message.from,
  trust: trustOfSender(message.from, project, message.authenticatedDomain),
  title: message.subject,
  text: bound(message.bodyText, maxChars),
  ...(message.internetMessageId ? { messageId: message.internetMessageId } : {}),
  from: message.from,
  to: [...message.to, ...message.cc],
  ...(message.isAutoReply || message.isBulk
    ? { prefiltered: { category: 'noise' as const, reason: message.isAutoReply ? 'automatic reply or out-of-office' : 'bulk or mailing-list mail' } }
    : {}),
  runId,
});

/** Turns one staged change into one signal; the tripwire reads the raw text before any model does. */
export const buildSignal = (change: StagedChange, project: ProjectConfig, runId: string, maxChars: number, otherProjects: readonly ProjectConfig[] = []): Signal => {
  const signal = change.source === 'jira'
    ? fromJira(change.payload as JiraChange, project, runId, maxChars)
    : fromMail(change.payload as MailMessage, project, runId, maxChars);
  const suspicion = tripwire(`${signal.title}\n${signal.text}`, {
    allowedDomains: project.allowedEmailDomains,
    otherProjects: otherProjects.filter((p) => p.id !== project.id),
    ...(signal.from === undefined ? {} : { from: signal.from }),
  });
  if (suspicion === null) return signal;
  // Flagged text takes the full path: only noise the rules recognise is settled without a model.
  const { prefiltered, ...rest } = signal;
  return { ...rest, ...(prefiltered?.category === 'noise' ? { prefiltered } : {}), tripwire: suspicion };
};
