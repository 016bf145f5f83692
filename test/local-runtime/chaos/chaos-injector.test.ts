import { mkdtemp, rm } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { loadLocalSettings, parseChaosSpec, runScenario } from '@agentic-pm/local-runtime';
import { loadScenario } from '@agentic-pm/scenario';
import { TWO_PROJECTS } from '../../e2e/fixtures/two-projects-with-mail-request';

describe('a run with --chaos', () => {
  it('fires each fault only in its cycle and step, at most its count, and the report says where', async () => {
    // Prepare: cycle 1 reads nothing new, so its Bedrock fault has nothing to hit.
    const scenario = await loadScenario(TWO_PROJECTS);
    const dataDir = await mkdtemp(join(tmpdir(), 'agentic-pm-chaos-'));
    const spec = 'bedrock:throttle#1,jira:429@2#2/poll-jira,dynamodb:throttle=GetItem#2/heartbeat,lambda:crash-before/triage#2,graph:429@5#2/finish-run';

    // Act
    try {
      const report = await runScenario({
        scenario, settings: await loadLocalSettings(), cycles: 2, dataDir,
        dynamoEndpoint: inject('dynamoEndpoint'), tableName: `chaos-${randomUUID()}`,
        chaos: parseChaosSpec(spec, { cycles: 2 }),
      });

      // Assess
      expect(report.cycles.map((c) => c.status)).toEqual(['SUCCEEDED', 'SUCCEEDED']);
      expect(report.faults).toEqual([
        { token: 'bedrock:throttle#1', fault: 'bedrock:throttle', planned: { count: 1, cycle: 1 }, fired: 0, firings: [] },
        {
          token: 'jira:429@2#2/poll-jira', fault: 'jira:429', planned: { count: 2, cycle: 2, step: 'poll-jira' }, fired: 2,
          firings: [{ cycle: 2, state: 'Poll Jira' }, { cycle: 2, state: 'Poll Jira' }],
        },
        {
          token: 'dynamodb:throttle=GetItem#2/heartbeat', fault: 'dynamodb:throttle', planned: { count: 1, cycle: 2, step: 'heartbeat', operation: 'GetItem' }, fired: 1,
          firings: [{ cycle: 2, state: 'Heartbeat' }],
        },
        {
          token: 'lambda:crash-before/triage#2', fault: 'lambda:crash-before', planned: { count: 1, cycle: 2, step: 'triage' }, fired: 1,
          firings: [{ cycle: 2, state: 'Triage' }],
        },
        // Finish Run never calls Graph: a fault scoped to it stays armed only while it runs, and never fires.
        { token: 'graph:429@5#2/finish-run', fault: 'graph:429', planned: { count: 5, cycle: 2, step: 'finish-run' }, fired: 0, firings: [] },
      ]);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
