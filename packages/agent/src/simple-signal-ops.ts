import { startsWithIssueKey, type ArtefactOp, type Classification } from '@agentic-pm/domain';
import type { StoredSignal } from '@agentic-pm/storage';

/**
 * Artefact operations for signals triage called simple: they skip Sonnet, so their effect on
 * the project's documents is decided here, by rule, from pass-1/pass-2 fields only.
 */
export const opsForSimpleSignal = (signal: StoredSignal): ArtefactOp[] => {
  const triage = signal.triage;
  if (!triage || triage.via === 'fail_closed' || triage.classification.complexity !== 'simple') return [];
  const c: Classification = triage.classification;
  const summary = triage.sanitised.summary;
  const description = (signal.issueKey && !startsWithIssueKey(summary, signal.issueKey) ? `${signal.issueKey}: ${summary}` : summary).slice(0, 500);
  switch (c.category) {
    case 'risk':
      return [{ op: 'raid_add', kind: 'risk', description, owner: null, severity: c.severity }];
    case 'issue':
      return [{ op: 'raid_add', kind: 'issue', description, owner: null, severity: c.severity }];
    case 'dependency':
      return [{ op: 'raid_add', kind: 'dependency', description, owner: null, severity: c.severity }];
    case 'blocker':
      return [
        { op: 'raid_add', kind: 'issue', description, owner: null, severity: c.severity },
        { op: 'delivery_add_blocker', issueKey: signal.issueKey ?? null, description: description.slice(0, 300) },
      ];
    case 'schedule_change':
      return [{ op: 'raid_add', kind: 'risk', description: `Schedule change: ${description}`.slice(0, 500), owner: null, severity: c.severity }];
    default:
      return [];
  }
};

/** A Jira signal that moved an issue out of Blocked clears its blocker. */
export const unblockOps = (signal: StoredSignal): ArtefactOp[] =>
  signal.issueKey && (signal.changes ?? []).some((ch) => ch.field.toLowerCase() === 'status' && ch.from?.toLowerCase() === 'blocked' && ch.to?.toLowerCase() !== 'blocked')
    ? [{ op: 'delivery_clear_blocker', issueKey: signal.issueKey }]
    : [];
