import type { ProposedAction, GateDecision } from './action';
import type { EscalationRequest } from './escalation';
import type { ProjectConfig } from './project';
import type { AgentSettings } from './settings';
import { foreignDataIn, type ForeignDataIndex } from './foreign-data';

export interface GateContext {
  now: string;
  /** Actions already executed for this project in this run, for the per-run cap. */
  executedThisRun: number;
  /** Owner notifications already sent for this project in this run; unset counts as none. */
  notifiedThisRun?: number;
  /** Escalations already raised for this project in this run; unset counts as none. */
  escalatedThisRun?: number;
  /** Fingerprints of the other projects' data; unset means there is no other project to leak. */
  foreignData?: ForeignDataIndex;
}

type Settings = Pick<AgentSettings, 'confidenceThreshold' | 'holdMinutes' | 'maxActionsPerRun' | 'maxOwnerNotificationsPerRun' | 'maxEscalationsPerRun'>;

const domainOf = (address: string): string => address.slice(address.lastIndexOf('@') + 1).toLowerCase();
const projectKeyOf = (issueKey: string): string => issueKey.slice(0, issueKey.lastIndexOf('-'));
const sameText = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

const block = (reason: string): GateDecision => ({ outcome: 'block', reason });

/** Everything of an action that can leave the project: the payload's text and the rationale mailed with it. */
export const outgoingTextOf = (action: ProposedAction): string => {
  const p = action.payload;
  const parts = [action.rationale];
  switch (p.type) {
    case 'jira_comment': parts.push(p.issueKey, p.body); break;
    case 'jira_transition': parts.push(p.issueKey, p.toStatus); break;
    case 'jira_update_field': parts.push(p.issueKey, p.field, p.value); break;
    case 'send_email': parts.push(...p.to, p.subject, p.body); break;
    case 'notify_owner': parts.push(p.subject, p.body); break;
  }
  return parts.join('\n');
};

/** Hard limits no model output and no approval can lift. */
const outOfBounds = (action: ProposedAction, project: ProjectConfig): string | null => {
  const p = action.payload;
  switch (p.type) {
    case 'jira_comment':
    case 'jira_transition':
    case 'jira_update_field':
      if (projectKeyOf(p.issueKey) !== project.jiraProjectKey) return `issue ${p.issueKey} is outside project ${project.jiraProjectKey}`;
      if (p.type === 'jira_transition' && !project.allowedTransitions.some((t) => sameText(t, p.toStatus))) {
        return `transition to "${p.toStatus}" is not in the project's allowed transitions`;
      }
      if (p.type === 'jira_update_field' && !project.allowedFields.some((f) => sameText(f, p.field))) {
        return `field "${p.field}" is not in the project's allowed fields`;
      }
      return null;
    case 'send_email': {
      const allowed = new Set(project.allowedEmailDomains.map((d) => d.toLowerCase()));
      // Exact domain match after Unicode normalisation: a look-alike or punycode domain is another domain.
      const outside = p.to.filter((to) => to.normalize('NFKC') !== to || !/^[\x21-\x7e]+$/.test(to) || !allowed.has(domainOf(to)));
      return outside.length > 0 ? `recipient ${outside.join(', ')} is outside the allowed domains` : null;
    }
    case 'notify_owner':
      return null;
  }
};

/**
 * The policy gate: the only way an action happens. Pure and deterministic; whatever a model
 * says, the project's config and the signal's provenance decide.
 */
export const evaluateAction = (action: ProposedAction, project: ProjectConfig, settings: Settings, context: GateContext): GateDecision => {
  const bounds = outOfBounds(action, project);
  if (bounds) return block(bounds);
  // Checked before escalating too: an escalation mails the action's text to the owner.
  const leak = context.foreignData === undefined ? null : foreignDataIn(outgoingTextOf(action), context.foreignData);
  if (leak) return block(`its text ${leak}; nothing from one project goes out in another`);

  // An escalation mails the owner; past the cap it is refused, so no input can flood the owner.
  const escalate = (reason: string): GateDecision =>
    (context.escalatedThisRun ?? 0) >= settings.maxEscalationsPerRun
      ? block(`${reason}, and the per-run cap of ${settings.maxEscalationsPerRun} escalations is reached`)
      : { outcome: 'escalate', reason };

  const type = action.payload.type;
  // Telling the owner is the one thing every autonomy level may do, a few times a run.
  if (type === 'notify_owner') {
    if ((context.notifiedThisRun ?? 0) >= settings.maxOwnerNotificationsPerRun) return block(`per-run cap of ${settings.maxOwnerNotificationsPerRun} owner notifications reached`);
    // Its text could be the attacker's words to the owner: the owner sees it as a question instead.
    if (action.provenance.injectionSuspected && action.approvedBy === undefined) return escalate('a note to the owner derived from a signal flagged as a possible prompt injection');
    return { outcome: 'execute', reason: 'notifying the project owner is always allowed' };
  }
  if (project.autonomyLevel === 'observe') return block('autonomy level "observe" makes no Jira writes and sends no mail except to the owner');

  const approved = action.approvedBy !== undefined;
  if (!approved) {
    if (action.provenance.injectionSuspected) return escalate('derived from a signal flagged as a possible prompt injection');
    if (action.provenance.trust === 'external') return escalate('derived from external content; a human must approve');
    if (action.confidence < settings.confidenceThreshold) {
      return escalate(`confidence ${action.confidence.toFixed(2)} is below the threshold ${settings.confidenceThreshold}`);
    }
  }
  if (context.executedThisRun >= settings.maxActionsPerRun) return escalate(`per-run cap of ${settings.maxActionsPerRun} actions reached`);

  const immediate = project.autonomyLevel === 'act' ? type !== 'send_email' : type === 'jira_comment';
  if (immediate || approved) {
    return { outcome: 'execute', reason: approved ? `approved by ${action.approvedBy}` : `allowed at autonomy level "${project.autonomyLevel}"` };
  }
  const executeAfter = new Date(Date.parse(context.now) + settings.holdMinutes * 60_000).toISOString();
  return {
    outcome: 'hold',
    reason: `${type} at autonomy level "${project.autonomyLevel}" waits ${settings.holdMinutes} minutes so the owner can cancel`,
    executeAfter,
  };
};

/**
 * The gate for an escalation a step proposes on its own (not an action awaiting approval): it
 * mails the owner, so it passes the same leak check and the per-run escalation cap.
 */
export const evaluateEscalation = (
  request: EscalationRequest,
  settings: Pick<AgentSettings, 'maxEscalationsPerRun'>,
  context: Pick<GateContext, 'escalatedThisRun' | 'foreignData'>,
): GateDecision => {
  const text = [request.title, request.context, ...request.options, request.rationale].join('\n');
  const leak = context.foreignData === undefined ? null : foreignDataIn(text, context.foreignData);
  if (leak) return block(`the escalation's text ${leak}; nothing from one project goes out in another`);
  if ((context.escalatedThisRun ?? 0) >= settings.maxEscalationsPerRun) return block(`per-run cap of ${settings.maxEscalationsPerRun} escalations reached`);
  return { outcome: 'escalate', reason: 'the owner is asked to decide' };
};
