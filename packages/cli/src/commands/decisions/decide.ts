import { ConflictError, ValidationError, type Escalation } from '@agentic-pm/domain';
import { getProject, listEscalationsByStatus, moveEscalation, type Table } from '@agentic-pm/storage';

/** Records the owner's choice on a pending escalation; the next run applies it. */
export const decide = async (table: Table, id: string, option: number, notes: string | undefined, by: string | undefined, now: string): Promise<Escalation> => {
  const escalation = (await listEscalationsByStatus(table, 'pending')).find((e) => e.id === id);
  if (!escalation) {
    const settled = [...(await listEscalationsByStatus(table, 'decided')), ...(await listEscalationsByStatus(table, 'applied'))].find((e) => e.id === id);
    if (settled) throw new ConflictError(`escalation ${id} was already decided (option ${settled.decision?.option})`);
    throw new ValidationError('decide', [{ path: 'ID', message: `no pending escalation "${id}" (see: npm start -- escalations)` }]);
  }
  if (!Number.isInteger(option) || option < 0 || option >= escalation.options.length) {
    throw new ValidationError('decide', [{ path: '--option', message: `must be 0 to ${escalation.options.length - 1} for "${escalation.title}"` }]);
  }
  const decidedBy = by ?? (await getProject(table, escalation.projectId))?.owner ?? 'owner';
  const decision = { option, decidedAt: now, decidedBy, ...(notes ? { notes } : {}) };
  await moveEscalation(table, escalation, 'pending', 'decided', decision);
  return { ...escalation, status: 'decided', decision };
};
