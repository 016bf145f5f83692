import type { ArtefactOp, ArtefactContentByType, DecisionLog, DeliveryState, RaidItem, RaidLog } from './artefact';
import type { ArtefactType } from './triage';

export const emptyArtefact = <T extends ArtefactType>(type: T, now: string): ArtefactContentByType[T] => {
  const empty: { [K in ArtefactType]: ArtefactContentByType[K] } = {
    raid_log: { items: [] },
    delivery_state: { rag: 'green', reason: 'No blockers or risks recorded yet.', milestones: [], blockers: [], keyDates: [] },
    backlog_summary: { total: 0, byStatus: {}, byPriority: {}, overdue: [], unassigned: [], changedSinceLast: [], asOf: now },
    decision_log: { entries: [] },
  };
  return structuredClone(empty[type]);
};

export const artefactOfOp = (op: ArtefactOp): ArtefactType =>
  op.op.startsWith('raid_') ? 'raid_log' : op.op.startsWith('delivery_') ? 'delivery_state' : 'decision_log';

const RAID_PREFIX: Record<RaidItem['kind'], string> = { risk: 'R', assumption: 'A', issue: 'I', dependency: 'D' };
const normalise = (text: string): string => text.trim().toLowerCase().replace(/\s+/g, ' ');

const nextRaidId = (log: RaidLog, kind: RaidItem['kind']): string => {
  const prefix = RAID_PREFIX[kind];
  const used = log.items.filter((i) => i.id.startsWith(`${prefix}-`)).map((i) => Number(i.id.slice(2)));
  return `${prefix}-${String(Math.max(0, ...used) + 1).padStart(3, '0')}`;
};

const applyRaid = (log: RaidLog, op: ArtefactOp, now: string, signalIds: string[]): string | null => {
  switch (op.op) {
    case 'raid_add': {
      const twin = log.items.find((i) => i.status === 'open' && i.kind === op.kind && normalise(i.description) === normalise(op.description));
      if (twin) return null;
      const id = nextRaidId(log, op.kind);
      log.items.push({ id, kind: op.kind, description: op.description, owner: op.owner, severity: op.severity, status: 'open', raisedAt: now, updatedAt: now, sourceSignals: signalIds });
      return `added ${op.kind} ${id}`;
    }
    case 'raid_update': {
      const item = log.items.find((i) => i.id === op.itemId);
      if (!item) throw new ArtefactOpError(`RAID item ${op.itemId} does not exist`);
      const before = JSON.stringify(item);
      if (op.description !== undefined) item.description = op.description;
      if (op.severity !== undefined) item.severity = op.severity;
      if (op.owner !== undefined) item.owner = op.owner;
      if (JSON.stringify(item) === before) return null;
      item.updatedAt = now;
      item.sourceSignals = [...new Set([...item.sourceSignals, ...signalIds])];
      return `updated ${item.id}`;
    }
    case 'raid_close': {
      const item = log.items.find((i) => i.id === op.itemId);
      if (!item) throw new ArtefactOpError(`RAID item ${op.itemId} does not exist`);
      if (item.status === 'closed') return null;
      item.status = 'closed';
      item.updatedAt = now;
      return `closed ${item.id}`;
    }
    default:
      return null;
  }
};

const applyDelivery = (state: DeliveryState, op: ArtefactOp, now: string, signalIds: string[]): string | null => {
  switch (op.op) {
    case 'delivery_set_rag':
      if (state.rag === op.rag && state.reason === op.reason) return null;
      state.rag = op.rag;
      state.reason = op.reason;
      return `status ${op.rag.toUpperCase()}`;
    case 'delivery_add_blocker':
      if (state.blockers.some((b) => (op.issueKey !== null && b.issueKey === op.issueKey) || normalise(b.description) === normalise(op.description))) return null;
      state.blockers.push({ issueKey: op.issueKey, description: op.description, since: now, sourceSignals: signalIds });
      return `blocker ${op.issueKey ?? op.description.slice(0, 40)}`;
    case 'delivery_clear_blocker': {
      const before = state.blockers.length;
      state.blockers = state.blockers.filter((b) => b.issueKey !== op.issueKey);
      return state.blockers.length === before ? null : `cleared blocker ${op.issueKey}`;
    }
    default:
      return null;
  }
};

const applyDecision = (log: DecisionLog, op: ArtefactOp, now: string, signalIds: string[]): string | null => {
  if (op.op !== 'decision_add') return null;
  if (log.entries.some((e) => normalise(e.decision) === normalise(op.decision))) return null;
  const id = `DEC-${String(log.entries.length + 1).padStart(3, '0')}`;
  log.entries.push({ id, date: now.slice(0, 10), decision: op.decision, rationale: op.rationale, decidedBy: op.decidedBy, source: signalIds.join(', ') || 'agent' });
  return `recorded ${id}`;
};

/** An operation that cannot apply (it names an item that does not exist). */
export class ArtefactOpError extends Error {
  override readonly name = 'ArtefactOpError';
}

/**
 * Applies validated operations to a copy of an artefact's content. Returns the new content and
 * a change summary; an empty summary means nothing changed and no new version is due.
 */
export const applyArtefactOps = <T extends Exclude<ArtefactType, 'backlog_summary'>>(
  type: T,
  content: ArtefactContentByType[T],
  ops: Array<{ op: ArtefactOp; signalIds: string[] }>,
  now: string,
): { content: ArtefactContentByType[T]; changes: string[]; rejected: Array<{ op: ArtefactOp; reason: string }> } => {
  const next = structuredClone(content);
  const changes: string[] = [];
  // A model may name an item that is not there; that op is refused, the others still apply.
  const rejected: Array<{ op: ArtefactOp; reason: string }> = [];
  for (const { op, signalIds } of ops) {
    if (artefactOfOp(op) !== type) continue;
    try {
      const change =
        type === 'raid_log'
          ? applyRaid(next as RaidLog, op, now, signalIds)
          : type === 'delivery_state'
            ? applyDelivery(next as DeliveryState, op, now, signalIds)
            : applyDecision(next as DecisionLog, op, now, signalIds);
      if (change) changes.push(change);
    } catch (error) {
      if (!(error instanceof ArtefactOpError)) throw error;
      rejected.push({ op, reason: error.message });
    }
  }
  if (type === 'delivery_state') {
    const derived = deriveRag(next as DeliveryState);
    if (derived) changes.push(derived);
  }
  // Ops can cancel out (a GREEN the blockers force back to RED): only a real difference is a change.
  if (JSON.stringify(next) === JSON.stringify(content)) return { content, changes: [], rejected };
  return { content: next, changes, rejected };
};

const DERIVED_REASON = /^\d+ open blocker\(s\)$/;

/** Open blockers force red, with a reason that counts them; clearing the last one lets the status come back to amber. */
const deriveRag = (state: DeliveryState): string | null => {
  const count = `${state.blockers.length} open blocker(s)`;
  if (state.blockers.length > 0 && state.rag !== 'red') {
    state.rag = 'red';
    state.reason = count;
    return 'status RED (open blockers)';
  }
  if (state.blockers.length > 0 && DERIVED_REASON.test(state.reason) && state.reason !== count) {
    state.reason = count;
    return null;
  }
  if (state.blockers.length === 0 && state.rag === 'red' && DERIVED_REASON.test(state.reason)) {
    state.rag = 'amber';
    state.reason = 'Blockers cleared; recovering';
    return 'status AMBER (blockers cleared)';
  }
  return null;
};
