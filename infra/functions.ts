import { extraAllowedAddresses, logRetentionFor, type DeployConfig } from './deploy-config';
import { NODEJS_BUNDLING } from './function-bundling';
import {
  FUNCTION_KEYS,
  FUNCTION_SPECS,
  POWERTOOLS_ENVIRONMENT,
  handlerFor,
  type FunctionKey,
  type LinkName,
} from './function-specs';
import { functionStatements, toFunctionPermissions, type FunctionPolicyContext } from './iam-policies';

export interface FunctionDependencies {
  readonly config: DeployConfig;
  readonly table: sst.aws.Dynamo;
  readonly email: sst.aws.Email;
  readonly agentConfig: sst.Linkable<Record<string, unknown>>;
  readonly secrets: { readonly jiraApiToken: sst.Secret; readonly graphClientSecret: sst.Secret };
}

export type AgentFunctions = Record<FunctionKey, sst.aws.Function>;

/**
 * One sst.aws.Function per Task state, sized and permitted per function-specs.ts. Each function
 * gets its own role: the table actions it uses, its models, and SES only when it sends mail.
 */
export function createFunctions(deps: FunctionDependencies): AgentFunctions {
  const { config, table, email } = deps;
  const links: Record<LinkName, unknown> = {
    AgentTable: table,
    AgentConfig: deps.agentConfig,
    JiraApiToken: deps.secrets.jiraApiToken,
    GraphClientSecret: deps.secrets.graphClientSecret,
    AgentEmail: email,
  };

  const policyContext = $resolve({
    tableArn: table.arn,
    senderIdentityArn: email.nodes.identity.arn,
    configurationSetArn: email.nodes.configurationSet.arn,
    partition: aws.getPartitionOutput({}).partition,
    region: aws.getRegionOutput({}).region,
    accountId: aws.getCallerIdentityOutput({}).accountId,
  }).apply(
    ({ tableArn, senderIdentityArn, configurationSetArn, partition, region, accountId }): FunctionPolicyContext => ({
      tableArn,
      models: { triage: config.settings.models.triage, reasoning: config.settings.models.reasoning },
      // The agent calls Bedrock in the settings' region, which may differ from the deploy region.
      bedrock: { region: config.settings.models.region, accountId, partition },
      ses: {
        sender: config.sender,
        senderIdentityArn,
        configurationSetArn,
        allowedDomains: config.agentConfig.allowedEmailDomains,
        allowedAddresses: extraAllowedAddresses(config),
        region,
        accountId,
        partition,
      },
    }),
  );

  const retention = logRetentionFor($app.stage).sst;
  const functions = {} as AgentFunctions;
  for (const key of FUNCTION_KEYS) {
    const spec = FUNCTION_SPECS[key];
    functions[key] = new sst.aws.Function(spec.componentName, {
      handler: handlerFor(spec),
      description: spec.description,
      runtime: 'nodejs24.x',
      architecture: 'arm64',
      memory: `${spec.memoryMb} MB`,
      timeout: `${spec.timeoutSeconds} seconds`,
      nodejs: { format: NODEJS_BUNDLING.format, minify: NODEJS_BUNDLING.minify, esbuild: { external: [...NODEJS_BUNDLING.esbuild.external] } },
      logging: { retention, format: 'json' },
      environment: { ...POWERTOOLS_ENVIRONMENT },
      link: spec.links.map((name) => links[name]),
      permissions: policyContext.apply((context) => toFunctionPermissions(functionStatements(spec, context))),
    });
  }
  return functions;
}
