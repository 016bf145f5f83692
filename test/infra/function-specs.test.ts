import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { taskResources } from '../../infra/asl-substitution';
import { FUNCTION_KEYS, FUNCTION_SPECS, handlerFor, placeholderFor, type FunctionKey } from '../../infra/function-specs';
import { ASL_TEXT, REPO_ROOT } from './support';

const specByPlaceholder = new Map(FUNCTION_KEYS.map((key) => [placeholderFor(FUNCTION_SPECS[key]), key]));
const placeholderOf = (resource: string) => /^\$\{(.+)\}$/.exec(resource)?.[1];

describe('function specs against the workflow definition', () => {
  it('maps every Task state to a function spec, and every spec to a Task state', () => {
    // Prepare
    const tasks = taskResources(ASL_TEXT);

    // Act
    const used = tasks.map((task) => ({ state: task.state, key: specByPlaceholder.get(placeholderOf(task.resource) ?? '') }));

    // Assess
    expect(used.filter((task) => task.key === undefined)).toEqual([]);
    expect(new Set(used.map((task) => task.key))).toEqual(new Set(FUNCTION_KEYS));
  });

  it('gives every function a timeout below the Task timeout of each state that calls it', () => {
    // Prepare
    const timeouts = new Map<string, number[]>();
    const visit = (states: Record<string, { Type: string; Resource?: string; TimeoutSeconds?: number; Branches?: Array<{ States: Record<string, never> }> }>) => {
      for (const state of Object.values(states)) {
        if (state.Type === 'Task' && state.Resource) {
          const key = specByPlaceholder.get(placeholderOf(state.Resource) ?? '');
          if (key) timeouts.set(key, [...(timeouts.get(key) ?? []), state.TimeoutSeconds ?? Number.POSITIVE_INFINITY]);
        }
        for (const branch of state.Branches ?? []) visit(branch.States);
      }
    };

    // Act
    visit(JSON.parse(ASL_TEXT).States);

    // Assess
    for (const key of FUNCTION_KEYS) {
      const taskTimeouts = timeouts.get(key) ?? [];
      expect(taskTimeouts.length, key).toBeGreaterThan(0);
      for (const taskTimeout of taskTimeouts) expect(FUNCTION_SPECS[key].timeoutSeconds, key).toBeLessThan(taskTimeout);
    }
  });

  it('points every function at a handler file that exists', () => {
    // Act
    const missing = FUNCTION_KEYS.map((key) => FUNCTION_SPECS[key].handlerFile).filter((file) => !existsSync(join(REPO_ROOT, file)));

    // Assess
    expect(missing).toEqual([]);
  });

  it('builds SST handler strings from the files', () => {
    // Assess
    expect(handlerFor(FUNCTION_SPECS.processHoldQueue)).toBe('functions/process-hold-queue.handler');
    expect(placeholderFor(FUNCTION_SPECS.finishRun)).toBe('FinishRunFunctionArn');
  });
});

describe('function sizes follow the design document', () => {
  it.each<[FunctionKey, number]>([
    ['heartbeat', 128],
    ['pollJira', 256],
    ['pollOutlook', 256],
    ['normaliseSignals', 256],
    ['triage', 512],
    ['reasoning', 512],
    ['executeActions', 256],
    ['updateArtefacts', 512],
    ['processHoldQueue', 256],
    ['housekeeping', 256],
    ['finishRun', 128],
  ])('%s has %i MB', (key, memoryMb) => {
    // Assess
    expect(FUNCTION_SPECS[key].memoryMb).toBe(memoryMb);
  });
});

describe('who is linked to what', () => {
  const keysWith = (predicate: (key: FunctionKey) => boolean) => FUNCTION_KEYS.filter(predicate).sort();

  it('links the table and the agent config to every function', () => {
    // Assess
    for (const key of FUNCTION_KEYS) expect(FUNCTION_SPECS[key].links).toEqual(expect.arrayContaining(['AgentTable', 'AgentConfig']));
  });

  it('links the Jira token only to the steps that call Jira', () => {
    // Assess
    expect(keysWith((key) => FUNCTION_SPECS[key].links.includes('JiraApiToken'))).toEqual(
      ['executeActions', 'pollJira', 'processHoldQueue'].sort(),
    );
  });

  it('links the Graph client secret only to Poll Outlook', () => {
    // Assess
    expect(keysWith((key) => FUNCTION_SPECS[key].links.includes('GraphClientSecret'))).toEqual(['pollOutlook']);
  });

  it('grants SES only to the steps that send mail, and links the sender to them and to Poll Outlook', () => {
    // Prepare
    const senders = ['executeActions', 'housekeeping', 'processHoldQueue'].sort();

    // Assess
    expect(keysWith((key) => FUNCTION_SPECS[key].sendsEmail)).toEqual(senders);
    expect(keysWith((key) => FUNCTION_SPECS[key].links.includes('AgentEmail'))).toEqual([...senders, 'pollOutlook'].sort());
  });

  it('lets only triage and reasoning call models', () => {
    // Assess
    expect(keysWith((key) => FUNCTION_SPECS[key].bedrockModels.length > 0)).toEqual(['reasoning', 'triage']);
    expect(FUNCTION_SPECS.triage.bedrockModels).toEqual(['triage']);
  });

  it('gives every step the base table operations and DeleteItem only where it deletes', () => {
    // Assess
    for (const key of FUNCTION_KEYS) {
      expect(FUNCTION_SPECS[key].dynamo).toEqual(expect.arrayContaining(['GetItem', 'PutItem', 'UpdateItem', 'Query']));
      expect(new Set(FUNCTION_SPECS[key].dynamo).size, key).toBe(FUNCTION_SPECS[key].dynamo.length);
    }
    expect(keysWith((key) => FUNCTION_SPECS[key].dynamo.includes('DeleteItem')).sort()).toEqual(['executeActions', 'normaliseSignals', 'updateArtefacts']);
  });
});
