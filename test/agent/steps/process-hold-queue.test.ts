import { describe, expect, it } from 'vitest';
import { processHoldQueue } from '@agentic-pm/agent';
import { IntegrationError, type ProposedAction } from '@agentic-pm/domain';
import { beginIntent, getArtefact, listActionsByStatus, listDueHeldActions, listEscalationsByStatus, moveEscalation, putAction, putEscalation } from '@agentic-pm/storage';
import { project } from '../../support/projects';
import { testContext } from '../../support/agent-context';

const NOW = '2026-03-02T09:00:00.000Z';
const comment = (id: string, trust: 'internal' | 'external' = 'internal'): ProposedAction => ({
  id, projectId: 'atlas', payload: { type: 'jira_comment', issueKey: 'ATL-1', body: 'On it' }, confidence: 0.9, rationale: 'r',
  provenance: { trust, injectionSuspected: false, signalIds: ['s1'] },
});

describe('processHoldQueue', () => {
  it('runs a held action once it is due, and leaves one that is not', async () => {
    // Prepare
    const { ctx, run, jiraCalls } = await testContext([project()]);
    const held = (id: string, executeAfter: string) => putAction(ctx.table, { id, projectId: 'atlas', runId: 'r0', action: comment(id), decision: { outcome: 'hold', reason: 'wait', executeAfter }, status: 'PENDING', createdAt: NOW, executeAfter });
    await held('due', '2026-03-02T08:59:00.000Z');
    await held('later', '2026-03-02T09:30:00.000Z');

    // Act
    const result = await processHoldQueue(ctx, { run });

    // Assess
    expect(result).toMatchObject({ due: 1, executed: 1 });
    expect(jiraCalls).toEqual(['addComment ATL-1 On it due']);
    expect((await listDueHeldActions(ctx.table, '2026-03-02T10:00:00.000Z')).map((a) => a.id)).toEqual(['later']);
  });

  it('puts a held action back in the queue when Jira fails transiently', async () => {
    // Prepare
    const { ctx, run } = await testContext([project()], { addComment: () => Promise.reject(new IntegrationError('Jira answered 503', 503)) });
    await putAction(ctx.table, { id: 'a1', projectId: 'atlas', runId: 'r0', action: comment('a1'), decision: { outcome: 'hold', reason: 'wait' }, status: 'PENDING', createdAt: NOW, executeAfter: NOW });

    // Act
    await expect(processHoldQueue(ctx, { run })).rejects.toThrow('503');

    // Assess
    expect((await listActionsByStatus(ctx.table, 'PENDING', NOW)).map((a) => a.id)).toEqual(['a1']);
  });

  it('applies an approval: the action runs marked approved, and the decision is logged', async () => {
    // Prepare
    const { ctx, run, jiraCalls } = await testContext([project()]);
    const action = comment('ext-1', 'external');
    await putAction(ctx.table, { id: action.id, projectId: 'atlas', runId: 'r0', action, decision: { outcome: 'escalate', reason: 'external' }, status: 'ESCALATED', createdAt: NOW });
    const escalation = {
      id: 'approve-ext-1', projectId: 'atlas', status: 'pending' as const, signalIds: ['s1'], createdAt: NOW, title: 'Approve: comment on ATL-1',
      context: 'c', options: ['Approve and run it', 'Reject it'], recommendation: 1, rationale: 'external', action, approveOption: 0,
    };
    await putEscalation(ctx.table, escalation);
    await moveEscalation(ctx.table, escalation, 'pending', 'decided', { option: 0, decidedAt: NOW, decidedBy: 'lead@acme.test', notes: 'Fine by me' });

    // Act
    const result = await processHoldQueue(ctx, { run });
    const again = await processHoldQueue(ctx, { run });

    // Assess
    expect(result).toMatchObject({ decisions: 1, executed: 1 });
    expect(again.decisions).toBe(0);
    expect(jiraCalls).toEqual(['addComment ATL-1 On it ext-1']);
    expect((await listActionsByStatus(ctx.table, 'DONE', NOW)).map((a) => a.id)).toEqual(['ext-1']);
    expect((await listEscalationsByStatus(ctx.table, 'applied')).map((e) => e.id)).toEqual(['approve-ext-1']);
    const log = await getArtefact(ctx.table, 'atlas', 'decision_log');
    expect(log?.content.entries).toEqual([expect.objectContaining({ decision: 'Approve: comment on ATL-1: Approve and run it', rationale: 'Fine by me', decidedBy: 'lead@acme.test' })]);
  });

  it('never runs an approved action the project does not allow (observe)', async () => {
    // Prepare
    const { ctx, run, jiraCalls } = await testContext([project({ autonomyLevel: 'observe' })]);
    const action = comment('obs-1');
    await putAction(ctx.table, { id: action.id, projectId: 'atlas', runId: 'r0', action, decision: { outcome: 'escalate', reason: 'x' }, status: 'ESCALATED', createdAt: NOW });
    const escalation = { id: 'approve-obs-1', projectId: 'atlas', status: 'pending' as const, signalIds: [], createdAt: NOW, title: 'Approve', context: 'c', options: ['Approve and run it', 'Reject it'], recommendation: 0, rationale: 'r', action, approveOption: 0 };
    await putEscalation(ctx.table, escalation);
    await moveEscalation(ctx.table, escalation, 'pending', 'decided', { option: 0, decidedAt: NOW, decidedBy: 'lead@acme.test' });

    // Act
    await processHoldQueue(ctx, { run });

    // Assess
    expect(jiraCalls).toEqual([]);
    expect((await listActionsByStatus(ctx.table, 'BLOCKED', NOW)).map((a) => a.id)).toEqual(['obs-1']);
  });
});

describe('processHoldQueue after a crash mid-action', () => {
  it('re-queues an action left EXECUTING; a mail that may have gone out is escalated, not resent', async () => {
    // Prepare
    const { ctx, run, sent } = await testContext([project()]);
    const mail: ProposedAction = { ...comment('m1'), payload: { type: 'send_email', to: ['dev@acme.test'], subject: 'Summary', body: 'Hi' } };
    await putAction(ctx.table, { id: 'm1', projectId: 'atlas', runId: 'r0', action: mail, decision: { outcome: 'hold', reason: 'wait' }, status: 'EXECUTING', createdAt: NOW, executeAfter: NOW });
    await beginIntent(ctx.table, 'action#m1', 'send_email', NOW);

    // Act
    const result = await processHoldQueue(ctx, { run });

    // Assess
    expect(result).toMatchObject({ due: 1, executed: 0, escalated: 1 });
    expect(sent.map((m) => m.kind)).toEqual(['escalation']);
    expect((await listActionsByStatus(ctx.table, 'FAILED', NOW)).map((a) => a.id)).toEqual(['m1']);
  });
});
