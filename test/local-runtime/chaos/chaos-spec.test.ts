import { describe, expect, it } from 'vitest';
import { ValidationError } from '@agentic-pm/domain';
import { FAULT_NAMES, parseChaosSpec } from '@agentic-pm/local-runtime';

const issuesOf = (spec: string, options?: { cycles?: number }): Array<{ path: string; message: string }> => {
  try {
    parseChaosSpec(spec, options);
  } catch (error) {
    if (error instanceof ValidationError) return [...error.issues];
    throw error;
  }
  throw new Error(`"${spec}" was accepted`);
};

describe('parseChaosSpec', () => {
  it('reads each fault with its count, cycle, step and operation, in any order, defaulting to once in cycle 1', () => {
    // Act
    const plan = parseChaosSpec(' jira:429@2#3 , lambda:crash-after/execute-actions#2,dynamodb:throttle/triage=Query@3#4, bedrock:malformed');

    // Assess
    expect(plan).toEqual([
      { token: 'jira:429@2#3', fault: 'jira:429', count: 2, cycle: 3 },
      { token: 'lambda:crash-after/execute-actions#2', fault: 'lambda:crash-after', count: 1, cycle: 2, step: 'execute-actions', state: 'Execute Actions' },
      { token: 'dynamodb:throttle/triage=Query@3#4', fault: 'dynamodb:throttle', count: 3, cycle: 4, step: 'triage', state: 'Triage', operation: 'Query' },
      { token: 'bedrock:malformed', fault: 'bedrock:malformed', count: 1, cycle: 1 },
    ]);
  });

  it('accepts every fault in the catalogue', () => {
    // Act
    const plan = parseChaosSpec(FAULT_NAMES.map((f) => (f.startsWith('lambda:') ? `${f}/heartbeat` : f)).join(','));

    // Assess
    expect(plan.map((f) => f.fault)).toEqual(FAULT_NAMES);
  });

  it('names an unknown fault and lists the valid ones', () => {
    // Act
    const issues = issuesOf('jira:429,jira:418');

    // Assess
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe('jira:418');
    expect(issues[0]?.message).toContain('unknown fault "jira:418"');
    for (const fault of FAULT_NAMES) expect(issues[0]?.message).toContain(fault);
  });

  it.each([
    ['nonsense', 'not of the form target:fault'],
    ['jira:429@0', 'count: must be a whole number from 1 to 100'],
    ['jira:429@x', 'count: must be a whole number from 1 to 100'],
    ['jira:429#0', 'cycle: must be a whole number from 1'],
    ['jira:429@1@2', '@count given twice'],
    ['lambda:crash-before', 'needs /step'],
    ['lambda:crash-before/lunch', 'unknown step "lunch"'],
    ['jira:5xx=Query', '=operation applies to dynamodb faults only'],
    ['dynamodb:throttle=Frobnicate', 'unknown DynamoDB operation "Frobnicate"'],
    ['dynamodb:conditional=GetItem', 'GetItem has no condition to fail'],
  ])('rejects %s: %s', (spec, message) => {
    // Act
    const issues = issuesOf(spec);

    // Assess
    expect(issues).toEqual([{ path: spec, message: expect.stringContaining(message) }]);
  });

  it('reports every bad token at once, and a cycle past the run', () => {
    // Act
    const issues = issuesOf('graph:410#9,jira:429,bad', { cycles: 4 });

    // Assess
    expect(issues.map((i) => i.path)).toEqual(['graph:410#9', 'bad']);
    expect(issues[0]?.message).toBe("cycle 9 is past the run's 4 cycle(s)");
  });

  it('rejects an empty spec', () => {
    // Act
    const issues = issuesOf(' , ');

    // Assess
    expect(issues).toEqual([{ path: '--chaos', message: expect.stringContaining('empty spec') }]);
  });
});
