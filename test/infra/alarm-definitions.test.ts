import { describe, expect, it } from 'vitest';
import { alarmDefinitions, KNOWN_METRICS, LLM_COST_METRIC, type AlarmDefinition } from '../../infra/alarm-definitions';
import { FUNCTION_KEYS, FUNCTION_SPECS, POWERTOOLS_ENVIRONMENT } from '../../infra/function-specs';
import { defaultSettings } from '../../packages/domain/src/settings';

const STATE_MACHINE_ARN = 'arn:aws:states:eu-west-2:123456789012:stateMachine:agentic-pm-production-agent-loop';

const definitions = (dailyBudgetUsd = defaultSettings().dailyBudgetUsd) =>
  alarmDefinitions<string>({
    stateMachineArn: STATE_MACHINE_ARN,
    functions: FUNCTION_KEYS.map((key) => ({ componentName: FUNCTION_SPECS[key].componentName, functionName: `fn-${key}` })),
    dailyBudgetUsd,
  });

const byKey = (key: string, list = definitions()): AlarmDefinition<string> => {
  const found = list.find((definition) => definition.key === key);
  if (!found) throw new Error(`no alarm ${key}`);
  return found;
};

describe('alarm definitions', () => {
  it.each(definitions().map((definition) => [definition.key, definition] as const))(
    '%s reads only known metrics with their documented dimensions',
    (_key, definition) => {
      // Act
      const metrics = Object.values(definition.metrics);

      // Assess
      expect(metrics.length).toBeGreaterThan(0);
      expect(metrics.length).toBeLessThanOrEqual(10); // CloudWatch's hard limit for metric-math alarms
      for (const metric of metrics) {
        const dimensions = KNOWN_METRICS[metric.namespace]?.[metric.metricName];
        expect(dimensions, `${metric.namespace}/${metric.metricName}`).toBeDefined();
        expect(Object.keys(metric.dimensions).sort()).toEqual([...(dimensions ?? [])].sort());
        expect(metric.periodSeconds % 60).toBe(0);
      }
    },
  );

  it.each(definitions().map((definition) => [definition.key, definition] as const))(
    '%s uses an expression exactly when it reads several metrics, over its own ids only',
    (_key, definition) => {
      // Prepare
      const ids = Object.keys(definition.metrics);

      // Act
      const referenced = definition.expression?.match(/[a-z][A-Za-z0-9_]*(?=\s*[,)])/g) ?? [];

      // Assess
      if (ids.length === 1) expect(definition.expression).toBeUndefined();
      else expect(new Set(referenced)).toEqual(new Set(ids));
      for (const id of ids) expect(id).toMatch(/^[a-z][A-Za-z0-9_]*$/); // CloudWatch metric query id rules
    },
  );

  it('has unique names', () => {
    // Act
    const keys = definitions().map((definition) => definition.key);

    // Assess
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('alarms when a run fails or times out', () => {
    // Act
    const alarm = byKey('AgentLoopExecutionFailed');

    // Assess
    expect(Object.values(alarm.metrics).map((metric) => metric.metricName).sort()).toEqual(['ExecutionsFailed', 'ExecutionsTimedOut']);
    expect(Object.values(alarm.metrics).every((metric) => metric.dimensions['StateMachineArn'] === STATE_MACHINE_ARN)).toBe(true);
    expect(alarm).toMatchObject({ comparisonOperator: 'GreaterThanThreshold', threshold: 0, treatMissingData: 'notBreaching' });
  });

  it('alarms when no run succeeded for two 15-minute periods, counting silence as failure', () => {
    // Act
    const alarm = byKey('HeartbeatMissed');

    // Assess
    expect(alarm.metrics['succeeded']).toMatchObject({ namespace: 'AWS/States', metricName: 'ExecutionsSucceeded', stat: 'Sum', periodSeconds: 900 });
    expect(alarm).toMatchObject({
      comparisonOperator: 'LessThanThreshold',
      threshold: 1,
      evaluationPeriods: 2,
      datapointsToAlarm: 2,
      treatMissingData: 'breaching',
      requiresSchedule: true,
    });
  });

  it.each([0.35, 1.5])('alarms when the daily LLM spend passes the configured budget (%s)', (budget) => {
    // Act
    const alarm = byKey('LLMBudgetExceeded', definitions(budget));

    // Assess
    expect(alarm.threshold).toBe(budget);
    expect(alarm.comparisonOperator).toBe('GreaterThanThreshold');
    expect(alarm.metrics['cost']).toMatchObject({
      namespace: POWERTOOLS_ENVIRONMENT.POWERTOOLS_METRICS_NAMESPACE,
      metricName: 'LLMCostDaily',
      stat: 'Maximum',
      dimensions: { service: POWERTOOLS_ENVIRONMENT.POWERTOOLS_SERVICE_NAME },
    });
    expect(LLM_COST_METRIC.namespace).toBe('AgenticPm');
  });

  it('uses the default budget of $0.35 from the agent settings', () => {
    // Assess
    expect(byKey('LLMBudgetExceeded').threshold).toBe(0.35);
  });

  it('watches Lambda errors of every step, one alarm each', () => {
    // Act
    const errorAlarms = definitions().filter((definition) => definition.key.endsWith('FunctionErrors'));

    // Assess
    expect(errorAlarms).toHaveLength(FUNCTION_KEYS.length);
    expect(errorAlarms.map((alarm) => alarm.metrics['errors']?.dimensions['FunctionName']).sort()).toEqual(
      FUNCTION_KEYS.map((key) => `fn-${key}`).sort(),
    );
  });
});
