import workflow from '../statemachine/agent-loop.asl.json';
import { substitutePlaceholders } from './asl-substitution';
import { logRetentionFor } from './deploy-config';
import { FUNCTION_KEYS, FUNCTION_SPECS, placeholderFor } from './function-specs';
import type { AgentFunctions } from './functions';
import { policyDocument, serviceTrustPolicy, stateMachineRoleStatements } from './iam-policies';

/**
 * The agent loop: the ASL file with each `${<Name>FunctionArn}` replaced by that function's ARN.
 * STANDARD type (runs are long and must be exactly-once per state), ERROR-level logging without
 * execution data (inputs carry only ids, but logs stay free of payloads regardless), X-Ray on.
 */
export function createStateMachine(functions: AgentFunctions) {
  const baseName = `${$app.name}-${$app.stage}-agent-loop`;
  const accountId = aws.getCallerIdentityOutput({}).accountId;

  const logGroup = new aws.cloudwatch.LogGroup('AgentLoopLogs', {
    // The /aws/vendedlogs/ prefix keeps the CloudWatch Logs resource policy small (AWS advice).
    name: `/aws/vendedlogs/states/${baseName}`,
    retentionInDays: logRetentionFor($app.stage).days,
  });

  const role = new aws.iam.Role('AgentLoopRole', {
    description: 'Runs the agentic-pm agent loop: invokes its step functions, delivers logs and traces',
    assumeRolePolicy: accountId.apply((id) => JSON.stringify(serviceTrustPolicy('states.amazonaws.com', id))),
  });
  const rolePolicy = new aws.iam.RolePolicy('AgentLoopRolePolicy', {
    role: role.id,
    policy: $resolve(FUNCTION_KEYS.map((key) => functions[key].arn)).apply((arns) =>
      JSON.stringify(policyDocument(stateMachineRoleStatements(arns))),
    ),
  });

  const arnsByPlaceholder = Object.fromEntries(
    FUNCTION_KEYS.map((key) => [placeholderFor(FUNCTION_SPECS[key]), functions[key].arn]),
  );
  const definition = $resolve(arnsByPlaceholder).apply((arns) =>
    substitutePlaceholders(JSON.stringify(workflow), arns as Record<string, string>),
  );

  const stateMachine = new aws.sfn.StateMachine(
    'AgentLoop',
    {
      name: baseName,
      type: 'STANDARD',
      roleArn: role.arn,
      definition,
      loggingConfiguration: {
        level: 'ERROR',
        includeExecutionData: false,
        logDestination: $interpolate`${logGroup.arn}:*`,
      },
      tracingConfiguration: { enabled: true },
    },
    // Step Functions validates the role's permissions when the machine is created.
    { dependsOn: [rolePolicy] },
  );
  return { stateMachine, logGroup };
}

/** The console page of the state machine (its executions list). */
export function stepFunctionsConsoleUrl(stateMachine: aws.sfn.StateMachine) {
  const region = aws.getRegionOutput({}).region;
  return $interpolate`https://${region}.console.aws.amazon.com/states/home?region=${region}#/statemachines/view/${stateMachine.arn.apply(encodeURIComponent)}`;
}
