import { alarmDefinitions, type AlarmDefinition } from './alarm-definitions';
import type { DeployConfig } from './deploy-config';
import { FUNCTION_KEYS, FUNCTION_SPECS } from './function-specs';
import type { AgentFunctions } from './functions';

/**
 * Alarms (alarm-definitions.ts) to an SNS topic that mails the owner. The owner must confirm the
 * subscription from the mail AWS sends after the first deploy. Alarms also mail when they clear.
 */
export function createAlarms(input: {
  config: DeployConfig;
  functions: AgentFunctions;
  stateMachine: aws.sfn.StateMachine;
  scheduleEnabled: boolean;
}) {
  const prefix = `${$app.name}-${$app.stage}`;
  const topic = new aws.sns.Topic('AlarmTopic', { name: `${prefix}-alarms` });
  new aws.sns.TopicSubscription('AlarmOwnerSubscription', {
    topic: topic.arn,
    protocol: 'email',
    endpoint: input.config.agentConfig.ownerEmail,
  });

  const definitions = alarmDefinitions<$util.Input<string>>({
    stateMachineArn: input.stateMachine.arn,
    functions: FUNCTION_KEYS.map((key) => ({
      componentName: FUNCTION_SPECS[key].componentName,
      functionName: input.functions[key].name,
    })),
    dailyBudgetUsd: input.config.settings.dailyBudgetUsd,
  });

  return definitions.map(
    (definition) =>
      new aws.cloudwatch.MetricAlarm(`Alarm${definition.key}`, {
        name: `${prefix}-${definition.key}`,
        alarmDescription: definition.description,
        comparisonOperator: definition.comparisonOperator,
        threshold: definition.threshold,
        evaluationPeriods: definition.evaluationPeriods,
        datapointsToAlarm: definition.datapointsToAlarm,
        treatMissingData: definition.treatMissingData,
        // A heartbeat alarm on a stage whose schedule is off would fire forever.
        actionsEnabled: !definition.requiresSchedule || input.scheduleEnabled,
        alarmActions: [topic.arn],
        okActions: [topic.arn],
        ...metricArgs(definition),
      }),
  );
}

const metricArgs = (definition: AlarmDefinition<$util.Input<string>>) => {
  const entries = Object.entries(definition.metrics);
  const single = entries[0];
  if (definition.expression === undefined && entries.length === 1 && single) {
    const [, metric] = single;
    return {
      namespace: metric.namespace,
      metricName: metric.metricName,
      statistic: metric.stat,
      period: metric.periodSeconds,
      dimensions: metric.dimensions,
    };
  }
  if (definition.expression === undefined) {
    throw new Error(`Alarm ${definition.key}: several metrics need an expression`);
  }
  return {
    metricQueries: [
      { id: 'result', expression: definition.expression, label: definition.key, returnData: true },
      ...entries.map(([id, metric]) => ({
        id,
        returnData: false,
        metric: {
          namespace: metric.namespace,
          metricName: metric.metricName,
          stat: metric.stat,
          period: metric.periodSeconds,
          dimensions: metric.dimensions,
        },
      })),
    ],
  };
};
