import type { ProjectConfig, ProposedAction } from '@agentic-pm/domain';
import { beginIntent, completeIntent, type AgentEvent } from '@agentic-pm/storage';
import type { AgentContext } from './context';
import { renderEmail } from './email-templates';

export type PerformOutcome = { status: 'done'; detail: string } | { status: 'ambiguous'; detail: string };

const describe = (action: ProposedAction): string => {
  const p = action.payload;
  switch (p.type) {
    case 'jira_comment': return `comment on ${p.issueKey}`;
    case 'jira_transition': return `move ${p.issueKey} to ${p.toStatus}`;
    case 'jira_update_field': return `set ${p.field} of ${p.issueKey} to ${p.value}`;
    case 'send_email': return `email ${p.to.join(', ')}: ${p.subject}`;
    case 'notify_owner': return `notify owner: ${p.subject}`;
  }
};
export { describe as describeAction };

type JiraPayload = Extract<ProposedAction['payload'], { issueKey: string }>;

/** One Jira write; each kind detects its own repeat (comment marker, current status, same value). */
const writeToJira = async (ctx: AgentContext, p: JiraPayload, marker: string): Promise<{ detail: string; kind: 'comment' | 'transition' | 'field'; text: string }> => {
  switch (p.type) {
    case 'jira_comment': {
      const r = await ctx.jira.addComment(p.issueKey, p.body, marker);
      return { detail: r.alreadyPresent ? `comment already on ${p.issueKey}` : `commented on ${p.issueKey}`, kind: 'comment', text: p.body.slice(0, 200) };
    }
    case 'jira_transition': {
      const r = await ctx.jira.transitionIssue(p.issueKey, p.toStatus);
      return { detail: r.changed ? `moved ${p.issueKey} to ${p.toStatus}` : `${p.issueKey} already in ${p.toStatus}`, kind: 'transition', text: p.toStatus };
    }
    case 'jira_update_field':
      await ctx.jira.updateField(p.issueKey, p.field, p.value);
      return { detail: `set ${p.field} of ${p.issueKey}`, kind: 'field', text: `${p.field}=${p.value}` };
  }
};

/**
 * Causes an action's side effect at most once. An intent is written first; a retry that finds
 * an intent without an outcome re-runs Jira writes (they detect their own repeat) but never resends mail.
 */
export const performAction = async (ctx: AgentContext, project: ProjectConfig, action: ProposedAction, runId: string, now: string): Promise<PerformOutcome> => {
  const key = `action#${action.id}`;
  const intent = await beginIntent(ctx.table, key, action.payload.type, now, ctx.fence);
  if (!intent.started) {
    if (intent.existing.outcome) return { status: 'done', detail: intent.existing.outcome.detail };
    if (action.payload.type === 'send_email' || action.payload.type === 'notify_owner') {
      return { status: 'ambiguous', detail: 'a previous attempt may have sent this email; not resending' };
    }
  }
  const p = action.payload;
  let detail: string;
  let event: AgentEvent;
  if (p.type === 'send_email' || p.type === 'notify_owner') {
    const to = p.type === 'send_email' ? p.to : [project.owner];
    const email = renderEmail(p.subject, p.body, [{ heading: 'Why', lines: [action.rationale] }]);
    event = await sendMail(ctx, { projectId: project.id, runId, now, to, kind: 'action', key, ...email });
    detail = `emailed ${to.join(', ')}`;
  } else {
    const write = await writeToJira(ctx, p, action.id);
    detail = write.detail;
    event = {
      id: `jira-${action.id}`, projectId: project.id, runId, type: 'jira_write', at: now, summary: detail,
      detail: { issue: p.issueKey, kind: write.kind, text: write.text },
    };
  }
  // The event and the outcome go in one write, right after the effect: see completeIntent.
  await completeIntent(ctx.table, key, { status: 'succeeded', detail, at: now }, event);
  return { status: 'done', detail };
};

type MailToSend = { projectId: string; runId: string; now: string; to: string[]; kind: 'escalation' | 'digest' | 'action'; key: string; subject: string; text: string; html: string };

/** Sends one email; returns the event that records it, for the caller to store with the intent's outcome. */
const sendMail = async (ctx: AgentContext, mail: MailToSend): Promise<AgentEvent> => {
  const { messageId } = await ctx.mailer.send({ from: ctx.senderAddress, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, kind: mail.kind, projectId: mail.projectId, idempotencyKey: mail.key });
  return {
    id: `email-${mail.key}`,
    projectId: mail.projectId,
    runId: mail.runId,
    type: 'email_sent',
    at: mail.now,
    summary: `${mail.kind} email to ${mail.to.join(', ')}: ${mail.subject}`,
    detail: { to: mail.to, subject: mail.subject, kind: mail.kind, messageId },
  };
};

/** Sends a mail at most once per key: an intent without an outcome means "may have been sent", so no resend. */
export const sendMailOnce = async (ctx: AgentContext, mail: MailToSend): Promise<'sent' | 'already' | 'ambiguous'> => {
  const intent = await beginIntent(ctx.table, mail.key, `email:${mail.kind}`, mail.now, ctx.fence);
  if (!intent.started) return intent.existing.outcome ? 'already' : 'ambiguous';
  const event = await sendMail(ctx, mail);
  await completeIntent(ctx.table, mail.key, { status: 'succeeded', detail: `sent to ${mail.to.join(', ')}`, at: mail.now }, event);
  return 'sent';
};
