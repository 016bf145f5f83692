import { afterEach, describe, expect, it } from 'vitest';
import { createGraphClient } from '@agentic-pm/integrations';
import { startGraphSandbox } from '@agentic-pm/sandboxes';
import { ScenarioClock } from '@agentic-pm/scenario';
import { at, MAILBOX, scenarioWith } from '../../sandboxes/fixtures';

const message = (minute: number, subject: string) => ({ at: at(minute), mailbox: MAILBOX, from: 'a@acme.test', to: [MAILBOX], subject, body: 'b' });

describe('Graph full sync bounded by receivedSince', () => {
  const closers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  it('starts a full sync at the bound, keeps the bound in the deltaLink, and still sees new mail', async () => {
    // Prepare
    const clock = new ScenarioClock(at(60));
    const sandbox = await startGraphSandbox({ scenario: scenarioWith({ messages: [message(-600, 'old'), message(10, 'recent'), message(90, 'later')] }), clock });
    closers.push(() => sandbox.close());
    const client = createGraphClient({
      graphBaseUrl: sandbox.graphBaseUrl, authorityBaseUrl: sandbox.authorityBaseUrl, tenantId: sandbox.tenantId, clientId: sandbox.clientId, clientSecret: sandbox.clientSecret,
    });

    // Act
    const first = await client.deltaRound(MAILBOX, null, { receivedSince: at(0) });
    clock.set(at(120));
    const second = await client.deltaRound(MAILBOX, first.deltaLink);

    // Assess
    expect(first.messages.map((m) => m.subject)).toEqual(['recent']);
    expect(second.messages.map((m) => m.subject)).toEqual(['later']);
  });

  it('refuses an invalid bound instead of syncing the whole inbox', async () => {
    // Prepare
    const sandbox = await startGraphSandbox({ scenario: scenarioWith({ messages: [] }), clock: new ScenarioClock(at(0)) });
    closers.push(() => sandbox.close());
    const client = createGraphClient({
      graphBaseUrl: sandbox.graphBaseUrl, authorityBaseUrl: sandbox.authorityBaseUrl, tenantId: sandbox.tenantId, clientId: sandbox.clientId, clientSecret: sandbox.clientSecret,
    });

    // Act & Assess
    await expect(client.deltaRound(MAILBOX, null, { receivedSince: 'not a date' })).rejects.toThrow();
  });
});
