import type { Signal } from '@agentic-pm/domain';
import type { WorkProposal } from '@agentic-pm/storage';

/** Fail closed: a signal the agent could not handle safely becomes a question for the owner. */
export const needsAHuman = (signal: Pick<Signal, 'id' | 'projectId' | 'title' | 'source' | 'issueKey'>, reason: string): WorkProposal => ({
  id: `needs-human-${signal.id}`,
  kind: 'escalation',
  projectId: signal.projectId,
  signalIds: [signal.id],
  request: {
    title: `Needs a human: ${signal.source === 'jira' ? (signal.issueKey ?? 'Jira change') : 'email'}`,
    // The raw title is untrusted; keep only what identifies the item.
    context: `The agent could not handle ${signal.source} signal ${signal.id} automatically (${reason}). No action was taken.`,
    options: ['Review it myself', 'Ignore it'],
    recommendation: 0,
    rationale: 'The agent fails closed: it does not act on what it could not classify with confidence.',
  },
});
