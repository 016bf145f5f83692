import type { EscalationRequest, ProjectConfig, ProposedAction } from '@agentic-pm/domain';
import { putEscalation, recordEvent } from '@agentic-pm/storage';
import type { AgentContext } from './context';
import { escalationEmail } from './email-templates';
import { sendMailOnce } from './perform-action';

/** Stores an escalation and alerts the owner, once, whatever retries happen. */
export const raiseEscalation = async (
  ctx: AgentContext,
  project: ProjectConfig,
  escalation: { id: string; request: EscalationRequest; signalIds: string[]; action?: ProposedAction; approveOption?: number },
  runId: string,
  now: string,
): Promise<void> => {
  const record = {
    ...escalation.request, id: escalation.id, projectId: project.id, status: 'pending' as const, signalIds: escalation.signalIds, createdAt: now,
    ...(escalation.action ? { action: escalation.action, approveOption: escalation.approveOption ?? 0 } : {}),
  };
  if (await putEscalation(ctx.table, record)) {
    await recordEvent(ctx.table, { id: `escalation-${escalation.id}`, projectId: project.id, runId, type: 'escalation_created', at: now, summary: record.title, detail: { escalationId: escalation.id } });
    ctx.metrics.count('EscalationsCreated', 1);
  }
  await sendMailOnce(ctx, { projectId: project.id, runId, now, to: [project.owner], kind: 'escalation', key: `escalation#${escalation.id}`, ...escalationEmail(project, record) });
};
