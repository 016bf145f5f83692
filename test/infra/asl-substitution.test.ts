import { describe, expect, it } from 'vitest';
import {
  AslSubstitutionError,
  findPlaceholders,
  substitutePlaceholders,
  taskResources,
} from '../../infra/asl-substitution';
import { ASL_TEXT, fakeArnsByPlaceholder, validateAsl } from './support';

describe('substitutePlaceholders on statemachine/agent-loop.asl.json', () => {
  it('replaces every placeholder with a function ARN and stays valid ASL', () => {
    // Prepare
    const arns = fakeArnsByPlaceholder();

    // Act
    const deployed = substitutePlaceholders(ASL_TEXT, arns);

    // Assess
    expect(deployed).not.toContain('${');
    const result = validateAsl(JSON.parse(deployed), { checkArn: true, checkPaths: true });
    expect(result.errorsText('\n')).toBe('');
    expect(result.isValid).toBe(true);
    const resources = taskResources(deployed).map((task) => task.resource);
    expect(new Set(resources)).toEqual(new Set(Object.values(arns)));
  });

  it('leaves everything but the placeholders untouched', () => {
    // Prepare
    const arns = fakeArnsByPlaceholder();
    const heartbeatArn = arns['HeartbeatFunctionArn']!;

    // Act
    const deployed = JSON.parse(substitutePlaceholders(ASL_TEXT, arns));

    // Assess
    const expected = JSON.parse(ASL_TEXT.replaceAll('${HeartbeatFunctionArn}', heartbeatArn)) as {
      States: { Heartbeat: unknown };
    };
    expect(deployed.States.Heartbeat).toEqual(expected.States.Heartbeat);
    expect(deployed.States['Any Changes?']).toEqual(JSON.parse(ASL_TEXT).States['Any Changes?']);
  });

  it('fails when a placeholder has no ARN', () => {
    // Prepare
    const { TriageFunctionArn: _omitted, ...arns } = fakeArnsByPlaceholder();

    // Act
    const act = () => substitutePlaceholders(ASL_TEXT, arns);

    // Assess
    expect(act).toThrow(AslSubstitutionError);
    expect(act).toThrow('placeholder ${TriageFunctionArn} has no value');
  });

  it('fails when an ARN is not used by any placeholder', () => {
    // Prepare
    const arns = { ...fakeArnsByPlaceholder(), StrayFunctionArn: 'arn:aws:lambda:eu-west-2:123456789012:function:stray' };

    // Act
    const act = () => substitutePlaceholders(ASL_TEXT, arns);

    // Assess
    expect(act).toThrow('value StrayFunctionArn is not used by any placeholder');
  });

  it('reports every problem at once', () => {
    // Prepare
    const { HeartbeatFunctionArn: _a, FinishRunFunctionArn: _b, ...arns } = fakeArnsByPlaceholder();

    // Act
    const act = () => substitutePlaceholders(ASL_TEXT, { ...arns, Extra: 'arn:x' });

    // Assess
    expect(act).toThrow(/HeartbeatFunctionArn[\s\S]*FinishRunFunctionArn|FinishRunFunctionArn[\s\S]*HeartbeatFunctionArn/);
    expect(act).toThrow('value Extra is not used');
  });

  it('rejects empty values and values that are placeholders themselves', () => {
    // Prepare
    const definition = JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Task', Resource: '${A}', End: true } } });

    // Act
    const empty = () => substitutePlaceholders(definition, { A: ' ' });
    const nested = () => substitutePlaceholders(definition, { A: '${B}' });

    // Assess
    expect(empty).toThrow('value A is empty');
    expect(nested).toThrow('value A contains "${"');
  });

  it('does not mistake JSONPath for placeholders', () => {
    // Prepare
    const definition = JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', Parameters: { 'x.$': '$$.Execution.Name', 'y.$': '$.run' }, End: true } } });

    // Act
    const placeholders = findPlaceholders(definition);

    // Assess
    expect(placeholders).toEqual([]);
  });

  it('finds Task states nested in Parallel branches', () => {
    // Act
    const tasks = taskResources(ASL_TEXT);

    // Assess
    expect(tasks.map((task) => task.state)).toEqual(expect.arrayContaining(['Heartbeat', 'Poll Jira', 'Poll Outlook', 'Record Failure']));
    expect(tasks.every((task) => /^\$\{[A-Za-z]+FunctionArn\}$/.test(task.resource))).toBe(true);
  });

  it('rejects a definition that is not JSON', () => {
    // Act
    const act = () => substitutePlaceholders('{ "StartAt": ', {});

    // Assess
    expect(act).toThrow('not valid JSON');
  });
});
