import { createHash } from 'node:crypto';
import type { Signal } from '@agentic-pm/domain';
import type { WorkProposal } from '@agentic-pm/storage';

type Identified = Pick<Signal, 'id' | 'projectId' | 'source' | 'issueKey'>;

// The raw title is untrusted; only what identifies an item goes into the question.
const label = (s: Identified): string => (s.source === 'jira' ? (s.issueKey ?? 'a Jira change') : `email ${s.id}`);

/**
 * Fail closed: signals the agent could not handle safely become one question for the owner per
 * project and cause, however many signals it covers, so a bad hour cannot flood the inbox.
 */
export const needsAHuman = (signals: Identified[], reason: string): WorkProposal[] => {
  const byProject = new Map<string, Identified[]>();
  for (const s of signals) byProject.set(s.projectId, [...(byProject.get(s.projectId) ?? []), s]);
  return [...byProject.entries()].map(([projectId, group]) => {
    const ids = group.map((s) => s.id).sort();
    const key = createHash('sha256').update(`${reason}\n${ids.join('\n')}`).digest('hex').slice(0, 16);
    return {
      id: `needs-human-${projectId}-${key}`,
      kind: 'escalation',
      projectId,
      signalIds: ids,
      request: {
        title: group.length === 1 ? `Needs a human: ${label(group[0]!)}` : `Needs a human: ${group.length} items`,
        context: `The agent could not handle ${group.map(label).join(', ').slice(0, 1500)} automatically (${reason}). No action was taken.`,
        options: ['Review it myself', 'Ignore it'],
        recommendation: 0,
        rationale: 'The agent fails closed: it does not act on what it could not handle with confidence.',
      },
    };
  });
};
