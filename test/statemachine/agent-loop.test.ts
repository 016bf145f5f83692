import { readFileSync } from 'node:fs';
import aslValidator from 'asl-validator';
import { describe, expect, it } from 'vitest';
import { ASL_PATH, loadLocalDefinition, TASK_HANDLERS } from '@agentic-pm/local-runtime';

type State = { Type: string; Resource?: string; Parameters?: Record<string, unknown>; Retry?: Array<{ ErrorEquals: string[]; JitterStrategy?: string; MaxDelaySeconds?: number }>; Catch?: unknown[]; Branches?: Array<{ States: Record<string, State> }>; Next?: string; Default?: string; Choices?: Array<{ Next: string }> };

const allStates = (states: Record<string, State>): Array<[string, State]> =>
  Object.entries(states).flatMap(([name, s]) => [[name, s] as [string, State], ...(s.Branches ?? []).flatMap((b) => allStates(b.States))]);

describe('statemachine/agent-loop.asl.json', () => {
  const definition = loadLocalDefinition() as { StartAt: string; States: Record<string, State> };
  const states = allStates(definition.States);

  it('is valid Amazon States Language', () => {
    // Act
    const result = aslValidator(definition as never);

    // Assess
    expect(result.errors).toEqual([]);
    expect(result.isValid).toBe(true);
  });

  it('is JSONPath, not JSONata', () => {
    // Assess
    expect(readFileSync(ASL_PATH, 'utf8')).not.toContain('"QueryLanguage": "JSONata"');
  });

  it('has the parts of the loop, named for a person reading the console', () => {
    // Assess
    const names = states.map(([n]) => n);
    for (const name of ['Heartbeat', 'Poll Jira', 'Poll Outlook', 'Any Changes?', 'Normalise Signals', 'Triage', 'Any Complex Signals?', 'Reasoning', 'Execute Actions', 'Update Artefacts', 'Process Hold Queue', 'Housekeeping Due?', 'Housekeeping', 'Record Failure', 'Run Failed']) {
      expect(names).toContain(name);
    }
    expect(definition.States['Detect Changes']?.Type).toBe('Parallel');
    expect(definition.States['Run Failed']?.Type).toBe('Fail');
  });

  it('maps every Task state to a local handler, and nothing else', () => {
    // Assess
    const tasks = states.filter(([, s]) => s.Type === 'Task').map(([n]) => n).sort();
    expect(tasks).toEqual(Object.keys(TASK_HANDLERS).sort());
  });

  it('retries transient Lambda errors with capped, jittered backoff on every Task', () => {
    // Assess
    for (const [name, state] of states.filter(([, s]) => s.Type === 'Task')) {
      const retry = state.Retry?.[0];
      expect(retry?.ErrorEquals, name).toEqual(expect.arrayContaining(['Lambda.ServiceException', 'Lambda.AWSLambdaException', 'Lambda.SdkClientException', 'Lambda.TooManyRequestsException']));
      expect(retry?.JitterStrategy, name).toBe('FULL');
      expect(retry?.MaxDelaySeconds, name).toBeGreaterThan(0);
    }
  });

  it('sends every top-level failure to Record Failure, which ends in Fail', () => {
    // Assess
    for (const [name, state] of Object.entries(definition.States).filter(([, s]) => s.Type === 'Task' || s.Type === 'Parallel')) {
      const catchers = (state.Catch as Array<{ ErrorEquals: string[]; Next: string }> | undefined) ?? [];
      const next = catchers.find((c) => c.ErrorEquals.includes('States.ALL'))?.Next;
      expect(next, name).toBe(name === 'Record Failure' ? 'Run Failed' : 'Record Failure');
    }
    expect(definition.States['Record Failure']?.Next).toBe('Run Failed');
  });

  it('routes a held lease to the Skipped state, not to Record Failure', () => {
    // Assess
    const heartbeatCatch = definition.States.Heartbeat?.Catch as Array<{ ErrorEquals: string[]; Next: string }>;
    expect(heartbeatCatch[0]).toMatchObject({ ErrorEquals: ['RunLeaseHeld'], Next: 'Skipped: Another Run In Progress' });
  });

  it('processes the hold queue on the no-change path', () => {
    // Assess
    expect(definition.States['Any Changes?']?.Default).toBe('Process Hold Queue');
  });

  it('passes ids and counts between states, never bodies', () => {
    // Assess
    for (const [name, state] of states.filter(([, s]) => s.Type === 'Task')) {
      const paths = Object.values(state.Parameters ?? {}).filter((v): v is string => typeof v === 'string' && v.startsWith('$'));
      for (const path of paths) expect(['$.run', '$$.Execution.Name', '$$.Execution.StartTime', '$', '$.error'], name).toContain(path);
    }
  });
});
