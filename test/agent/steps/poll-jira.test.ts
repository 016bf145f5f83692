import { describe, expect, it } from 'vitest';
import { pollJira } from '@agentic-pm/agent';
import type { JiraPollResult } from '@agentic-pm/integrations';
import { getCheckpoint } from '@agentic-pm/storage';
import { project } from '../../support/projects';
import { testContext } from '../../support/agent-context';

const NOW = '2026-03-02T09:00:00.000Z';

describe('pollJira', () => {
  it.each([
    ['an issue dated in the future', Date.parse('9999-01-01T00:00:00.000Z'), Date.parse(NOW)],
    ['an ordinary poll', Date.parse('2026-03-02T08:55:00.000Z'), Date.parse('2026-03-02T08:55:00.000Z')],
  ])('moves the cursor no further than the run time after %s', async (_name, maxUpdatedMs, expected) => {
    // Prepare
    const poll = async (): Promise<JiraPollResult> => ({ changes: [], issues: [], maxUpdatedMs });
    const { ctx, run } = await testContext([project()], { pollChanges: poll }, NOW);

    // Act
    await pollJira(ctx, { run });

    // Assess
    expect(await getCheckpoint(ctx.table, 'atlas', 'jira', 'updated')).toBe(String(expected));
  });
});
