/// <reference path="./.sst/platform/config.d.ts" />

/**
 * agentic-pm on AWS. Resources live in infra/ (one concept per file); this file only wires them.
 * Stages: `production` (scheduled, retained, deletion-protected) and personal stages for
 * `npx sst dev` (schedule off unless AGENTIC_PM_SCHEDULE=enabled). Configuration: the
 * AGENTIC_PM_* variables in infra/deploy-config.ts, and `npx sst secret set` for the two secrets.
 */
export default $config({
  app(input) {
    return {
      name: 'agentic-pm',
      removal: input?.stage === 'production' ? 'retain' : 'remove',
      home: 'aws',
    };
  },
  async run() {
    const { readDeployConfig } = await import('./infra/deploy-config');
    const { restrictLinkPermissions } = await import('./infra/links');
    const { createTable } = await import('./infra/table');
    const { createSecrets } = await import('./infra/secrets');
    const { createEmail } = await import('./infra/email');
    const { createAgentConfig } = await import('./infra/agent-config');
    const { createFunctions } = await import('./infra/functions');
    const { createStateMachine, stepFunctionsConsoleUrl } = await import('./infra/state-machine');
    const { createSchedule } = await import('./infra/schedule');
    const { createAlarms } = await import('./infra/alarms');

    const config = readDeployConfig(process.env, $app.stage);
    restrictLinkPermissions();

    const table = createTable();
    const secrets = createSecrets();
    const email = createEmail(config.sender);
    const agentConfig = createAgentConfig(config);
    const functions = createFunctions({ config, table, email, agentConfig, secrets });
    const { stateMachine } = createStateMachine(functions);
    createSchedule(stateMachine, config.scheduleEnabled);
    createAlarms({ config, functions, stateMachine, scheduleEnabled: config.scheduleEnabled });

    return {
      stateMachineConsoleUrl: stepFunctionsConsoleUrl(stateMachine),
      stateMachineArn: stateMachine.arn,
      tableName: table.name,
      scheduleEnabled: String(config.scheduleEnabled),
    };
  },
});
