import { beforeAll, describe, expect, it } from 'vitest';
import type { Artefact, Escalation } from '@agentic-pm/domain';
import {
  actionItem, artefactItem, artefactVersionItem, checkpointItem, configItem, escalationItem, eventItem, keys, projectItem, putAction,
  putArtefactVersion, putCheckpoint, putConfigValue, putEscalation, putProject, recordEvent, type AgentActionRecord, type AgentEvent, type Table,
} from '@agentic-pm/storage';
import { freshTable } from '../support/fresh-table';
import { project } from '../support/projects';
import { rawItem, wallClockNow } from './table-probe';

const NOW = wallClockNow();

/** The bulk-load builders must write exactly what the entity's own put function writes. */
describe('bulk item builders', () => {
  let table: Table;
  beforeAll(async () => {
    table = await freshTable();
  });

  it('build a project as putProject stores it', async () => {
    // Act
    await putProject(table, project(), NOW);

    // Assess
    expect(await rawItem(table, keys.project('atlas'))).toEqual(projectItem(project(), { registeredAt: NOW, updatedAt: NOW }));
  });

  it('build an artefact and its history item as putArtefactVersion stores them', async () => {
    // Prepare
    const v1: Artefact<'decision_log'> = { projectId: 'atlas', type: 'decision_log', version: 1, updatedAt: NOW, changeSummary: 'first', content: { entries: [] } };
    const v2: Artefact<'decision_log'> = { ...v1, version: 2, changeSummary: 'second', content: { entries: [{ id: 'D-1', date: '2026-03-02', decision: 'd', rationale: 'r', decidedBy: 'p', source: 's' }] } };

    // Act
    await putArtefactVersion(table, v1, 0, undefined);
    await putArtefactVersion(table, v2, 1, v1.content);

    // Assess
    expect(await rawItem(table, keys.artefact('atlas', 'decision_log'))).toEqual(artefactItem(v2, v1.content));
    expect(await rawItem(table, keys.artefactVersion('atlas', 'decision_log', 1))).toEqual(artefactVersionItem(v1));
    expect(await rawItem(table, keys.artefactVersion('atlas', 'decision_log', 2))).toEqual(artefactVersionItem(v2));
  });

  it('build an escalation, an event and an action as their put functions store them', async () => {
    // Prepare
    const escalation: Escalation = {
      id: 'esc-1', projectId: 'atlas', status: 'pending', createdAt: NOW, signalIds: ['jira:1'], title: 't', context: 'c', options: ['a', 'b'], recommendation: 1, rationale: 'r',
    };
    const event: AgentEvent = { id: 'ev-1', projectId: 'atlas', runId: 'run-1', type: 'signal_created', at: NOW, summary: 's', detail: { k: 1 } };
    const action: AgentActionRecord = {
      id: 'act-1', projectId: 'atlas', runId: 'run-1', status: 'PENDING', createdAt: NOW, executeAfter: NOW, decision: { outcome: 'hold', reason: 'wait', executeAfter: NOW },
      action: { id: 'act-1', projectId: 'atlas', payload: { type: 'notify_owner', subject: 's', body: 'b' }, confidence: 0.9, rationale: 'r', provenance: { trust: 'internal', injectionSuspected: false, signalIds: [] } },
    };

    // Act
    await putEscalation(table, escalation);
    await recordEvent(table, event);
    await putAction(table, action);

    // Assess
    expect(await rawItem(table, keys.escalation('atlas', 'esc-1'))).toEqual(escalationItem(escalation));
    expect(await rawItem(table, keys.event('atlas', NOW, 'ev-1'))).toEqual(eventItem(event));
    expect(await rawItem(table, keys.action('atlas', 'act-1'))).toEqual(actionItem(action));
  });

  it('build a checkpoint and a config value as their put functions store them', async () => {
    // Act
    await putCheckpoint(table, 'atlas', 'outlook', 'deltaLink', 'https://graph/delta', NOW);
    await putConfigValue(table, 'feature', { on: true }, NOW);

    // Assess
    expect(await rawItem(table, keys.checkpoint('atlas', 'outlook', 'deltaLink'))).toEqual(checkpointItem('atlas', 'outlook', 'deltaLink', 'https://graph/delta', NOW));
    expect(await rawItem(table, keys.config('feature'))).toEqual(configItem('feature', { on: true }, NOW));
  });
});
