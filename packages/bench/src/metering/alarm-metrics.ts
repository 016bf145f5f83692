import { alarmDefinitions } from '../../../../infra/alarm-definitions';
import { FUNCTION_SPECS } from '../../../../infra/function-specs';

/**
 * How many alarm metrics deployment creates, from the same definitions infra deploys: CloudWatch
 * bills a metric-math alarm per metric it reads. ARNs and names do not change the count.
 */
export const alarmMetricCount = (dailyBudgetUsd: number): number =>
  alarmDefinitions({
    stateMachineArn: 'state-machine',
    functions: Object.values(FUNCTION_SPECS).map((spec) => ({ componentName: spec.componentName, functionName: spec.componentName })),
    dailyBudgetUsd,
  }).reduce((sum, alarm) => sum + Object.keys(alarm.metrics).length, 0);
