import { policyDocument, schedulerRoleStatements, serviceTrustPolicy } from './iam-policies';
import { AGENT_LOOP_SCHEDULE, scheduleInput } from './schedule-definition';

/**
 * EventBridge Scheduler starts the agent loop every 15 minutes (sst.aws.Cron cannot target a
 * state machine). Its role may start this one state machine and nothing else.
 */
export function createSchedule(stateMachine: aws.sfn.StateMachine, enabled: boolean) {
  const accountId = aws.getCallerIdentityOutput({}).accountId;
  const role = new aws.iam.Role('AgentLoopScheduleRole', {
    description: 'Lets EventBridge Scheduler start the agentic-pm agent loop',
    assumeRolePolicy: accountId.apply((id) => JSON.stringify(serviceTrustPolicy('scheduler.amazonaws.com', id))),
  });
  const rolePolicy = new aws.iam.RolePolicy('AgentLoopScheduleRolePolicy', {
    role: role.id,
    policy: stateMachine.arn.apply((arn) => JSON.stringify(policyDocument(schedulerRoleStatements(arn)))),
  });

  return new aws.scheduler.Schedule(
    'AgentLoopSchedule',
    {
      name: `${$app.name}-${$app.stage}-agent-loop`,
      description: 'Starts one agentic-pm agent-loop run',
      scheduleExpression: AGENT_LOOP_SCHEDULE.expression,
      scheduleExpressionTimezone: AGENT_LOOP_SCHEDULE.timezone,
      flexibleTimeWindow: { mode: AGENT_LOOP_SCHEDULE.flexibleTimeWindow.mode },
      state: enabled ? 'ENABLED' : 'DISABLED',
      target: {
        arn: stateMachine.arn,
        roleArn: role.arn,
        input: scheduleInput(),
        retryPolicy: { ...AGENT_LOOP_SCHEDULE.retryPolicy },
      },
    },
    { dependsOn: [rolePolicy] },
  );
}
