import type { Artefact, ArtefactContentByType } from './artefact';
import { startsWithIssueKey } from './issue-key';
import type { ArtefactType } from './triage';

const TITLES: Record<ArtefactType, string> = {
  raid_log: 'RAID log',
  delivery_state: 'Delivery state',
  backlog_summary: 'Backlog summary',
  decision_log: 'Decision log',
};

const cell = (text: string | null | undefined): string => (text ?? '—').replace(/\|/g, '\\|').replace(/\s+/g, ' ');
const counts = (record: Record<string, number>): string =>
  Object.entries(record).map(([k, v]) => `${k} ${v}`).join(', ') || 'none';

const body: { [K in ArtefactType]: (content: ArtefactContentByType[K]) => string[] } = {
  raid_log: (c) =>
    c.items.length === 0
      ? ['_No risks, assumptions, issues or dependencies recorded._']
      : [
          '| ID | Kind | Description | Owner | Severity | Status | Raised |',
          '|---|---|---|---|---|---|---|',
          ...c.items.map((i) => `| ${i.id} | ${i.kind} | ${cell(i.description)} | ${cell(i.owner)} | ${i.severity} | ${i.status} | ${i.raisedAt.slice(0, 10)} |`),
        ],
  delivery_state: (c) => [
    `**Status:** ${c.rag.toUpperCase()}: ${c.reason}`,
    '',
    c.blockers.length === 0 ? '_No open blockers._' : '**Blockers**',
    ...c.blockers.map((b) => `- ${b.issueKey && !startsWithIssueKey(b.description, b.issueKey) ? `${b.issueKey}: ` : ''}${cell(b.description)} (since ${b.since.slice(0, 16).replace('T', ' ')})`),
    ...(c.milestones.length > 0 ? ['', '**Milestones**', ...c.milestones.map((m) => `- ${m.name}: ${m.status}${m.dueDate ? `, due ${m.dueDate}` : ''}`)] : []),
  ],
  backlog_summary: (c) => [
    `**${c.total} issues** as of ${c.asOf.slice(0, 16).replace('T', ' ')} UTC`,
    `- By status: ${counts(c.byStatus)}`,
    `- By priority: ${counts(c.byPriority)}`,
    `- Overdue: ${c.overdue.join(', ') || 'none'}`,
    `- Unassigned: ${c.unassigned.join(', ') || 'none'}`,
    `- Changed since last summary: ${c.changedSinceLast.join(', ') || 'none'}`,
  ],
  decision_log: (c) =>
    c.entries.length === 0
      ? ['_No decisions recorded._']
      : [
          '| ID | Date | Decision | Rationale | Decided by | Source |',
          '|---|---|---|---|---|---|',
          ...c.entries.map((e) => `| ${e.id} | ${e.date} | ${cell(e.decision)} | ${cell(e.rationale)} | ${cell(e.decidedBy)} | ${cell(e.source)} |`),
        ],
};

export const renderArtefactMarkdown = <T extends ArtefactType>(artefact: Artefact<T>): string =>
  [
    `## ${TITLES[artefact.type]} (v${artefact.version})`,
    '',
    ...(body[artefact.type] as (c: ArtefactContentByType[T]) => string[])(artefact.content),
    '',
    `_Last change: ${artefact.changeSummary}_`,
  ].join('\n');

/** A compact one-line-per-item form for model context. */
export const renderArtefactCompact = <T extends ArtefactType>(artefact: Artefact<T>): string => {
  const c = artefact.content as ArtefactContentByType[ArtefactType];
  switch (artefact.type) {
    case 'raid_log':
      return (c as ArtefactContentByType['raid_log']).items.filter((i) => i.status === 'open').map((i) => `${i.id} ${i.kind} ${i.severity}: ${i.description}`).join('\n');
    case 'delivery_state': {
      const d = c as ArtefactContentByType['delivery_state'];
      return [`RAG ${d.rag}: ${d.reason}`, ...d.blockers.map((b) => `blocker ${b.issueKey ?? ''} ${b.description}`)].join('\n');
    }
    case 'decision_log':
      return (c as ArtefactContentByType['decision_log']).entries.slice(-10).map((e) => `${e.id} ${e.date}: ${e.decision}`).join('\n');
    default: {
      const b = c as ArtefactContentByType['backlog_summary'];
      return `${b.total} issues; ${counts(b.byStatus)}; overdue ${b.overdue.join(',') || 'none'}`;
    }
  }
};
