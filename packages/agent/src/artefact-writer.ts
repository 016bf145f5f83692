import { ConflictError, emptyArtefact, type Artefact, type ArtefactContentByType, type ArtefactOp, type ArtefactType, type ProjectConfig } from '@agentic-pm/domain';
import { getArtefact, putArtefactVersion } from '@agentic-pm/storage';
import type { AgentContext } from './context';

export type Next<T extends ArtefactType> = (current: ArtefactContentByType[T]) => { content: ArtefactContentByType[T]; changes: string[]; rejected?: Array<{ op: ArtefactOp; reason: string }> };

const MAX_CONFLICT_RETRIES = 3;

/** Writes the next version if `next` changed anything; re-reads and re-applies on a concurrent write. */
export const writeIfChanged = async <T extends ArtefactType>(
  ctx: AgentContext, project: ProjectConfig, type: T, now: string, next: Next<T>, onRejected: (r: { op: ArtefactOp; reason: string }) => void = () => undefined,
): Promise<Artefact | null> => {
  for (let attempt = 0; ; attempt++) {
    const current = await getArtefact(ctx.table, project.id, type);
    const base = current?.content ?? emptyArtefact(type, now);
    const { content, changes, rejected = [] } = next(base);
    for (const r of rejected) onRejected(r);
    if (current && changes.length === 0) return null;
    const artefact: Artefact = { projectId: project.id, type, version: (current?.version ?? 0) + 1, content, changeSummary: current ? changes.join('; ') : ['created', ...changes].join('; '), updatedAt: now };
    try {
      await putArtefactVersion(ctx.table, artefact, current?.version ?? 0, current?.content, ctx.fence);
      return artefact;
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= MAX_CONFLICT_RETRIES) throw error;
    }
  }
};

