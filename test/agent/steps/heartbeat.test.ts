import { describe, expect, it } from 'vitest';
import { heartbeat } from '@agentic-pm/agent';
import { readLease, releaseLease } from '@agentic-pm/storage';
import { project } from '../../support/projects';
import { testContext } from '../../support/agent-context';

describe('heartbeat', () => {
  it('takes the lease at the scheduled time and says whether housekeeping is due', async () => {
    // Prepare
    const { ctx } = await testContext([project()], {}, '2026-03-02T08:00:00.000Z');
    await releaseLease(ctx.table, 'run-1');

    // Act
    const result = await heartbeat(ctx, { executionName: 'run-2', startTime: '2026-03-02T17:15:03.000Z', input: { scheduledTime: '2026-03-02T17:15:00Z' } });

    // Assess
    expect(result).toMatchObject({ runId: 'run-2', time: '2026-03-02T17:15:00.000Z', acquired: true, projects: 1, housekeepingDue: true });
    expect((await readLease(ctx.table))?.holder).toBe('run-2');
  });
});
