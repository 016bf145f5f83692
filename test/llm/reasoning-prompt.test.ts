import { describe, expect, it } from 'vitest';
import { renderReasoningRequest } from '../../packages/llm/src/reasoning-prompt';
import { refsFor } from '../../packages/llm/src/batch';
import { senderRoleOf } from '../../packages/agent/src/steps/reasoning';
import { reasoningSignal, testProject } from './fixtures';

describe('the reasoning prompt and the sender', () => {
  it('carries the sender as a role, never as an address', () => {
    // Prepare
    const signal = reasoningSignal('outlook:m1', { category: 'info' }, { summary: 'A vendor update.' }, { trust: 'external', senderRole: 'external_sender' });

    // Act
    const text = renderReasoningRequest({ project: testProject(), artefacts: {}, signals: [signal] }, refsFor([signal]));

    // Assess
    expect(text).toContain('"senderRole":"external_sender"');
    expect(text).not.toMatch(/"from"/);
  });

  it.each([
    ['a Jira change', { source: 'jira', trust: 'internal', from: undefined }, 'jira_user'],
    ['the owner, authenticated', { source: 'outlook', trust: 'internal', from: 'Lead@acme.test' }, 'project_owner'],
    ['the owner address, not authenticated', { source: 'outlook', trust: 'external', from: 'lead@acme.test' }, 'external_sender'],
    ['a colleague', { source: 'outlook', trust: 'internal', from: 'mina@acme.test' }, 'colleague'],
    ['an outsider', { source: 'outlook', trust: 'external', from: 'x@evil.example' }, 'external_sender'],
  ] as const)('names %s by role', (_name, signal, role) => {
    // Act
    const found = senderRoleOf(signal, testProject());

    // Assess
    expect(found).toBe(role);
  });
});
