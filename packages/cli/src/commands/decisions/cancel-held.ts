import { ConflictError, ValidationError } from '@agentic-pm/domain';
import { listActionsByStatus, moveAction, type AgentActionRecord, type Table } from '@agentic-pm/storage';

/** PENDING -> CANCELLED, by a conditional write: a held action that already started cannot be cancelled. */
export const cancelHeld = async (table: Table, id: string, now: string): Promise<AgentActionRecord> => {
  const record = (await listActionsByStatus(table, 'PENDING', now)).find((a) => a.id === id);
  if (!record) throw new ValidationError('hold cancel', [{ path: 'ID', message: `no held action "${id}" (see: npm start -- hold)` }]);
  if (!(await moveAction(table, record, 'PENDING', 'CANCELLED', { result: `cancelled by the owner at ${now}` }))) {
    throw new ConflictError(`held action ${id} started running before it could be cancelled`);
  }
  return { ...record, status: 'CANCELLED' };
};
