import { describe, expect, it } from 'vitest';
import { emptyArtefact } from '@agentic-pm/domain';
import { acquireLease, beginIntent, FencedOutError, getCheckpoint, putArtefactVersion, putCheckpoint } from '@agentic-pm/storage';
import { freshTable } from '../support/fresh-table';

const T0 = '2026-03-02T08:00:00.000Z';
const LATER = '2026-03-02T08:20:00.000Z';

describe("a stale lease holder's writes", () => {
  it('are refused once a newer run has taken the lease over; the new holder writes freely', async () => {
    // Prepare: run-1 takes the lease, stalls past its expiry, and run-2 takes over.
    const table = await freshTable();
    await acquireLease(table, 'run-1', T0, 600);
    const takeover = await acquireLease(table, 'run-2', LATER, 600);
    const stale = { runId: 'run-1', leaseVersion: 1 };
    const current = { runId: 'run-2', leaseVersion: takeover.acquired ? takeover.lease.version : -1 };

    // Act & Assess
    await expect(beginIntent(table, 'action#a1', 'jira_comment', LATER, stale)).rejects.toBeInstanceOf(FencedOutError);
    await expect(putCheckpoint(table, 'atlas', 'jira', 'updated', '123', LATER, stale)).rejects.toBeInstanceOf(FencedOutError);
    await expect(
      putArtefactVersion(table, { projectId: 'atlas', type: 'raid_log', version: 1, content: emptyArtefact('raid_log', LATER), changeSummary: 'x', updatedAt: LATER }, 0, undefined, stale),
    ).rejects.toBeInstanceOf(FencedOutError);
    expect(await getCheckpoint(table, 'atlas', 'jira', 'updated')).toBeUndefined();
    expect(await beginIntent(table, 'action#a1', 'jira_comment', LATER, current)).toEqual({ started: true });
    await putCheckpoint(table, 'atlas', 'jira', 'updated', '123', LATER, current);
    expect(await getCheckpoint(table, 'atlas', 'jira', 'updated')).toBe('123');
  });
});
