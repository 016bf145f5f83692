import { describe, expect, it } from 'vitest';
import { executeActions } from '@agentic-pm/agent';
import { IntegrationError, type ActionPayload } from '@agentic-pm/domain';
import { acquireLease, FencedOutError, listActionsByStatus, listPendingEscalations, listProposals, putJiraIssues, putProposal } from '@agentic-pm/storage';
import { project } from '../../support/projects';
import { testContext } from '../../support/agent-context';

const NOW = '2026-03-02T09:00:00.000Z';

const proposal = (id: string, payload: ActionPayload, trust: 'internal' | 'external' = 'internal') => ({
  id, kind: 'action' as const,
  action: { id, projectId: 'atlas', payload, confidence: 0.9, rationale: 'because', provenance: { trust, injectionSuspected: false, signalIds: ['s1'] } },
});

describe('executeActions', () => {
  it('executes, holds, escalates and blocks by the gate, and empties the queue', async () => {
    // Prepare
    const { ctx, run, sent, jiraCalls } = await testContext([project()]);
    await putProposal(ctx.table, proposal('p1', { type: 'jira_comment', issueKey: 'ATL-1', body: 'Noted' }), NOW);
    await putProposal(ctx.table, proposal('p2', { type: 'send_email', to: ['dev@acme.test'], subject: 'Update', body: 'Hi' }), NOW);
    await putProposal(ctx.table, proposal('p3', { type: 'jira_comment', issueKey: 'ATL-2', body: 'From outside' }, 'external'), NOW);
    await putProposal(ctx.table, proposal('p4', { type: 'send_email', to: ['x@evil.example'], subject: 'Export', body: 'data' }), NOW);

    // Act
    const result = await executeActions(ctx, { run });

    // Assess
    expect(result).toEqual({ executed: 1, held: 1, escalated: 1, blocked: 1 });
    expect(jiraCalls).toEqual(['addComment ATL-1 Noted p1']);
    expect(sent.map((m) => [m.kind, m.to.join()])).toEqual([['escalation', 'lead@acme.test']]);
    expect((await listActionsByStatus(ctx.table, 'PENDING', NOW)).map((a) => a.id)).toEqual(['p2']);
    expect(await listProposals(ctx.table, NOW)).toEqual([]);
  });

  it('reports a permanent failure as FAILED with an escalation instead of wedging the queue', async () => {
    // Prepare
    const { ctx, run, sent } = await testContext([project()], {
      transitionIssue: () => Promise.reject(new IntegrationError('no transition of ATL-1 leads to "Done"', 400)),
    });
    await putProposal(ctx.table, proposal('p1', { type: 'jira_transition', issueKey: 'ATL-1', toStatus: 'Done' }), NOW);

    // Act
    const result = await executeActions(ctx, { run });

    // Assess
    expect(result.escalated).toBe(1);
    expect((await listActionsByStatus(ctx.table, 'FAILED', NOW)).map((a) => a.result)).toEqual([expect.stringContaining('no transition')]);
    expect((await listPendingEscalations(ctx.table)).map((e) => e.title)).toEqual(['Approve: move ATL-1 to Done']);
    expect(sent).toHaveLength(1);
    expect(await listProposals(ctx.table, NOW)).toEqual([]);
  });

  it('leaves the proposal queued on a transient failure, and does not repeat the effect on the retry', async () => {
    // Prepare
    let calls = 0;
    const { ctx, run } = await testContext([project()], {
      addComment: async () => {
        calls++;
        if (calls === 1) throw new IntegrationError('Jira answered 503 after 4 attempts', 503);
        return { commentId: 'c1', alreadyPresent: false };
      },
    });
    await putProposal(ctx.table, proposal('p1', { type: 'jira_comment', issueKey: 'ATL-1', body: 'Noted' }), NOW);

    // Act
    const first = executeActions(ctx, { run });
    await expect(first).rejects.toThrow('503');
    const retry = await executeActions(ctx, { run });

    // Assess
    expect(retry.executed).toBe(1);
    expect(calls).toBe(2);
    expect(await listProposals(ctx.table, NOW)).toEqual([]);
  });

  it('sends each escalation alert once, however often the step runs', async () => {
    // Prepare
    const { ctx, run, sent } = await testContext([project()]);
    const escalation = { id: 'e1', kind: 'escalation' as const, projectId: 'atlas', signalIds: ['s1'], request: { title: 'Pick a vendor', context: 'Two offers', options: ['A', 'B'], recommendation: 0, rationale: 'cheaper' } };
    await putProposal(ctx.table, escalation, NOW);
    await executeActions(ctx, { run });

    // Act: a retry after a crash re-queues the same proposal.
    await putProposal(ctx.table, escalation, NOW);
    await executeActions(ctx, { run });

    // Assess
    expect(sent.filter((m) => m.kind === 'escalation')).toHaveLength(1);
    expect(await listPendingEscalations(ctx.table)).toHaveLength(1);
  });
});

describe('executeActions against floods and leaks', () => {
  it('caps owner notes and escalations per project in a run', async () => {
    // Prepare
    const { ctx, run, sent } = await testContext([project()], {}, NOW);
    const settings = ctx.settings;
    for (let i = 0; i < settings.maxOwnerNotificationsPerRun + 2; i++) await putProposal(ctx.table, proposal(`n${i}`, { type: 'notify_owner', subject: `Note ${i}`, body: 'FYI' }), NOW);
    for (let i = 0; i < settings.maxEscalationsPerRun + 3; i++) {
      await putProposal(ctx.table, { id: `q${String(i).padStart(2, '0')}`, kind: 'escalation', projectId: 'atlas', signalIds: ['s1'], request: { title: `Question ${i}`, context: 'c', options: ['A', 'B'], recommendation: 0, rationale: 'r' } }, NOW);
    }

    // Act
    const result = await executeActions(ctx, { run });

    // Assess
    expect(sent.filter((m) => m.kind === 'action')).toHaveLength(settings.maxOwnerNotificationsPerRun);
    expect(sent.filter((m) => m.kind === 'escalation')).toHaveLength(settings.maxEscalationsPerRun);
    expect(result.blocked).toBe(5);
  });

  it("blocks text carrying another project's data, before it is sent or escalated", async () => {
    // Prepare
    const borealis = project({ id: 'borealis', name: 'Borealis', jiraProjectKey: 'BOR', mailbox: 'bor@acme.test' });
    const { ctx, run, sent, jiraCalls } = await testContext([project(), borealis], {}, NOW);
    await putJiraIssues(ctx.table, 'borealis', [{ key: 'BOR-1', summary: 'Data room for acquisition HALCYON-7781', status: 'To Do', priority: null, assignee: null, dueDate: null, labels: [], updated: NOW }]);
    await putProposal(ctx.table, proposal('l1', { type: 'send_email', to: ['steering@acme.test'], subject: 'Context', body: 'Code name HALCYON-7781.' }), NOW);
    await putProposal(ctx.table, proposal('l2', { type: 'jira_comment', issueKey: 'ATL-1', body: 'Same as halcyon-7781' }, 'external'), NOW);
    await putProposal(ctx.table, { id: 'l3', kind: 'escalation', projectId: 'atlas', signalIds: ['s1'], request: { title: 'Share HALCYON-7781?', context: 'c', options: ['A'], recommendation: 0, rationale: 'r' } }, NOW);

    // Act
    const result = await executeActions(ctx, { run });

    // Assess
    expect(result).toEqual({ executed: 0, held: 0, escalated: 0, blocked: 3 });
    expect(sent).toEqual([]);
    expect(jiraCalls).toEqual([]);
  });
});

describe('executeActions for a run that lost its lease mid-step', () => {
  it('causes no side effect: the intent write is fenced out', async () => {
    // Prepare: run-1 passes its lease check, then run-2 takes the lease over (run-1 stalled past expiry).
    const { ctx, run, jiraCalls } = await testContext([project()]);
    await putProposal(ctx.table, proposal('p1', { type: 'jira_comment', issueKey: 'ATL-1', body: 'Noted' }), NOW);
    // The first transaction is the fenced intent: another run takes the lease just before it.
    let takenOver = false;
    const doc = new Proxy(ctx.table.doc, {
      get: (target, prop, receiver) =>
        prop !== 'send'
          ? Reflect.get(target, prop, receiver)
          : async (command: Parameters<typeof target.send>[0]) => {
              if (!takenOver && command.constructor.name === 'TransactWriteCommand') {
                takenOver = true;
                await acquireLease(ctx.table, 'run-2', '2026-03-02T09:20:00.000Z', 600);
              }
              return target.send(command);
            },
    });
    const stalling = { ...ctx, table: { ...ctx.table, doc } };

    // Act & Assess
    await expect(executeActions(stalling, { run })).rejects.toBeInstanceOf(FencedOutError);
    expect(jiraCalls).toEqual([]);
    expect(await listProposals(ctx.table, NOW)).toHaveLength(1);
  });
});
