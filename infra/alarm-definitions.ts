/**
 * The alarms that mail the owner. Pure data, generic over the type of dimension values so infra
 * passes Pulumi outputs (ARNs, function names) and tests pass plain strings.
 */
import { POWERTOOLS_ENVIRONMENT } from './function-specs';
import { SCHEDULE_INTERVAL_MINUTES } from './schedule-definition';

export interface MetricRef<T> {
  readonly namespace: string;
  readonly metricName: string;
  readonly stat: 'Sum' | 'Maximum' | 'Average';
  readonly periodSeconds: number;
  readonly dimensions: Readonly<Record<string, T | string>>;
}

export interface AlarmDefinition<T> {
  /** Suffix of the alarm name (`<app>-<stage>-<key>`). */
  readonly key: string;
  readonly description: string;
  /** One metric (then `expression` is absent) or metric math over several. */
  readonly metrics: Readonly<Record<string, MetricRef<T>>>;
  readonly expression?: string;
  readonly comparisonOperator: 'GreaterThanThreshold' | 'GreaterThanOrEqualToThreshold' | 'LessThanThreshold';
  readonly threshold: number;
  readonly evaluationPeriods: number;
  readonly datapointsToAlarm: number;
  readonly treatMissingData: 'breaching' | 'notBreaching';
  /** False for alarms that only make sense while the schedule runs. */
  readonly requiresSchedule: boolean;
}

/**
 * Metrics the alarms may reference and the dimensions each is published with. AWS/States and
 * AWS/Lambda per the CloudWatch metric docs of those services; the custom metric is the contract
 * with the agent code: Powertools Metrics, namespace and service from POWERTOOLS_ENVIRONMENT,
 * `LLMCostDaily` = the day's LLM spend so far in USD, published after every model call.
 */
export const KNOWN_METRICS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  'AWS/States': {
    ExecutionsSucceeded: ['StateMachineArn'],
    ExecutionsFailed: ['StateMachineArn'],
    ExecutionsTimedOut: ['StateMachineArn'],
    ExecutionsAborted: ['StateMachineArn'],
  },
  'AWS/Lambda': {
    Errors: ['FunctionName'],
    Throttles: ['FunctionName'],
  },
  [POWERTOOLS_ENVIRONMENT.POWERTOOLS_METRICS_NAMESPACE]: {
    LLMCostDaily: ['service'],
  },
};

export const LLM_COST_METRIC = {
  namespace: POWERTOOLS_ENVIRONMENT.POWERTOOLS_METRICS_NAMESPACE,
  metricName: 'LLMCostDaily',
  dimensions: { service: POWERTOOLS_ENVIRONMENT.POWERTOOLS_SERVICE_NAME },
} as const;

export interface AlarmInputs<T> {
  readonly stateMachineArn: T;
  /** Per step: its component name and Lambda function name (the FunctionName dimension is the name, not the ARN). */
  readonly functions: ReadonlyArray<{ readonly componentName: string; readonly functionName: T }>;
  readonly dailyBudgetUsd: number;
}

const RUN_PERIOD = SCHEDULE_INTERVAL_MINUTES * 60;

export const alarmDefinitions = <T>(inputs: AlarmInputs<T>): AlarmDefinition<T>[] => {
  const states = (metricName: string): MetricRef<T> => ({
    namespace: 'AWS/States',
    metricName,
    stat: 'Sum',
    periodSeconds: RUN_PERIOD,
    dimensions: { StateMachineArn: inputs.stateMachineArn },
  });
  if (inputs.functions.length === 0) throw new Error('alarmDefinitions: no functions');
  return [
    {
      key: 'AgentLoopExecutionFailed',
      description:
        'An agent-loop run failed or timed out. Open the state machine in the Step Functions console and read the failed execution (Record Failure holds the error).',
      // A run that hits TimeoutSeconds is counted as timed out, not failed: alarm on both.
      metrics: { failed: states('ExecutionsFailed'), timedOut: states('ExecutionsTimedOut') },
      expression: 'FILL(failed, 0) + FILL(timedOut, 0)',
      comparisonOperator: 'GreaterThanThreshold',
      threshold: 0,
      evaluationPeriods: 1,
      datapointsToAlarm: 1,
      treatMissingData: 'notBreaching',
      requiresSchedule: false,
    },
    {
      key: 'HeartbeatMissed',
      description: `No agent-loop run succeeded in ${2 * SCHEDULE_INTERVAL_MINUTES} minutes: the schedule, the state machine or every run is failing.`,
      metrics: { succeeded: states('ExecutionsSucceeded') },
      comparisonOperator: 'LessThanThreshold',
      threshold: 1,
      evaluationPeriods: 2,
      datapointsToAlarm: 2,
      // No data at all means nothing ran: that is exactly what this alarm is for.
      treatMissingData: 'breaching',
      requiresSchedule: true,
    },
    {
      key: 'LLMBudgetExceeded',
      description: `Today's LLM spend passed the daily budget of $${inputs.dailyBudgetUsd.toFixed(2)}; the agent degrades to cheaper models and then to rules only.`,
      metrics: { cost: { ...LLM_COST_METRIC, stat: 'Maximum', periodSeconds: 3600 } },
      comparisonOperator: 'GreaterThanThreshold',
      threshold: inputs.dailyBudgetUsd,
      evaluationPeriods: 1,
      datapointsToAlarm: 1,
      treatMissingData: 'notBreaching',
      requiresSchedule: false,
    },
    // One alarm per function: it names the failing step, and a metric-math alarm may not read
    // more than 10 metrics (there are 11 steps).
    ...inputs.functions.map(
      ({ componentName, functionName }): AlarmDefinition<T> => ({
        key: `${componentName}Errors`,
        description: `${componentName} raised 3 or more errors in an hour (Step Functions retries may have hidden them from the run outcome). Read its logs.`,
        metrics: {
          errors: { namespace: 'AWS/Lambda', metricName: 'Errors', stat: 'Sum', periodSeconds: 3600, dimensions: { FunctionName: functionName } },
        },
        comparisonOperator: 'GreaterThanOrEqualToThreshold',
        threshold: 3,
        evaluationPeriods: 1,
        datapointsToAlarm: 1,
        treatMissingData: 'notBreaching',
        requiresSchedule: false,
      }),
    ),
  ];
};
