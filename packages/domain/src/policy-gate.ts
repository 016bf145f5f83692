import type { ProposedAction, GateDecision } from './action';
import type { ProjectConfig } from './project';
import type { AgentSettings } from './settings';

export interface GateContext {
  now: string;
  /** Actions already executed for this project in this run, for the per-run cap. */
  executedThisRun: number;
}

type Settings = Pick<AgentSettings, 'confidenceThreshold' | 'holdMinutes' | 'maxActionsPerRun'>;

const domainOf = (address: string): string => address.slice(address.lastIndexOf('@') + 1).toLowerCase();
const projectKeyOf = (issueKey: string): string => issueKey.slice(0, issueKey.lastIndexOf('-'));
const sameText = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

const block = (reason: string): GateDecision => ({ outcome: 'block', reason });
const escalate = (reason: string): GateDecision => ({ outcome: 'escalate', reason });

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
      const outside = p.to.filter((to) => !allowed.has(domainOf(to)));
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

  const type = action.payload.type;
  // Telling the owner is the one thing every autonomy level may do.
  if (type === 'notify_owner') return { outcome: 'execute', reason: 'notifying the project owner is always allowed' };
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
