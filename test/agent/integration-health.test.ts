import { describe, expect, it } from 'vitest';
import { integrationHealth } from '../../packages/agent/src/integration-health';

const NOW = '2026-03-02T17:00:00.000Z';
const config = (name: string, at: string) => ({ name, status: 'active' as const, lastHealthCheck: { at, ok: true }, createdAt: at, updatedAt: at });

describe('integrationHealth', () => {
  it('reports a recent poll as healthy, a stale one and a missing one as not', () => {
    // Act
    const health = integrationHealth([config('jira', '2026-03-02T16:45:00.000Z'), config('outlook', '2026-03-02T14:00:00.000Z')], NOW);

    // Assess
    expect(health.map((h) => [h.name, h.ok])).toEqual([['jira', true], ['outlook', false]]);
    expect(health[1]?.line).toContain('180 minutes ago');
    expect(integrationHealth([], NOW).map((h) => h.line)).toEqual(['jira: never polled successfully', 'outlook: never polled successfully']);
  });
});
