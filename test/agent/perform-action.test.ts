import { describe, expect, it } from 'vitest';
import { ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { performAction, sendMailOnce, type AgentContext } from '@agentic-pm/agent';
import type { ProposedAction } from '@agentic-pm/domain';
import { listRunEvents } from '@agentic-pm/storage';
import { project } from '../support/projects';
import { testContext } from '../support/agent-context';

const NOW = '2026-03-02T09:00:00.000Z';

const notifyOwner: ProposedAction = {
  id: 'a1', projectId: 'atlas', payload: { type: 'notify_owner', subject: 'Heads up', body: 'ATL-1 is blocked' },
  confidence: 0.9, rationale: 'because', provenance: { trust: 'internal', injectionSuspected: false, signalIds: ['s1'] },
};

/** The context with its table's writes after the first email logged, and the first `failWrites` of them failing. */
const watchWritesAfterSend = (ctx: AgentContext, sent: unknown[], failWrites = 0) => {
  const after: string[] = [];
  const doc = new Proxy(ctx.table.doc, {
    get: (target, prop, receiver) =>
      prop !== 'send'
        ? Reflect.get(target, prop, receiver)
        : async (command: Parameters<typeof target.send>[0]) => {
            if (sent.length > 0) {
              after.push(command.constructor.name);
              if (after.length <= failWrites) throw new ProvisionedThroughputExceededException({ message: 'throttled', $metadata: {} });
            }
            return target.send(command);
          },
  });
  return { ctx: { ...ctx, table: { ...ctx.table, doc } }, after };
};

describe('performAction and sendMailOnce: what follows a send', () => {
  it('records an action email and its outcome in one write, so only one failure can leave it in doubt', async () => {
    // Prepare
    const test = await testContext([project()]);
    const { ctx, after } = watchWritesAfterSend(test.ctx, test.sent);

    // Act
    const outcome = await performAction(ctx, project(), notifyOwner, test.run.runId, NOW);

    // Assess
    expect(outcome.status).toBe('done');
    expect(after).toEqual(['TransactWriteCommand']);
    expect((await listRunEvents(test.ctx.table, test.run.runId, NOW)).map((e) => [e.type, e.id])).toEqual([['email_sent', 'email-action#a1']]);
  });

  it('records an escalation or digest email with its outcome in one write too', async () => {
    // Prepare
    const test = await testContext([project()]);
    const { ctx, after } = watchWritesAfterSend(test.ctx, test.sent);

    // Act
    const sent = await sendMailOnce(ctx, { projectId: 'atlas', runId: test.run.runId, now: NOW, to: ['lead@acme.test'], kind: 'digest', key: 'digest#atlas#2026-03-02', subject: 'Digest', text: 'x', html: '<p>x</p>' });

    // Assess
    expect(sent).toBe('sent');
    expect(after).toEqual(['TransactWriteCommand']);
    expect((await listRunEvents(test.ctx.table, test.run.runId, NOW)).map((e) => e.type)).toEqual(['email_sent']);
  });

  it('when that one write fails, the retry does not resend and records nothing half-way', async () => {
    // Prepare
    const test = await testContext([project()]);
    const { ctx } = watchWritesAfterSend(test.ctx, test.sent, 1);

    // Act
    await expect(performAction(ctx, project(), notifyOwner, test.run.runId, NOW)).rejects.toThrow('throttled');
    const retry = await performAction(ctx, project(), notifyOwner, test.run.runId, NOW);

    // Assess
    expect(retry.status).toBe('ambiguous');
    expect(test.sent).toHaveLength(1);
    expect(await listRunEvents(test.ctx.table, test.run.runId, NOW)).toEqual([]);
  });
});
