/**
 * Every IAM statement the app grants, built from plain strings so tests can inspect them offline.
 * Infra resolves the ARNs (Pulumi outputs) and passes them in; nothing here knows about SST.
 */
import type { DynamoOperation, FunctionSpec, ModelRole } from './function-specs';

export interface IamCondition {
  /** Condition operator, e.g. `StringEquals`, `ForAllValues:StringLike`. */
  readonly test: string;
  /** Condition key, e.g. `ses:FromAddress`. */
  readonly variable: string;
  readonly values: readonly string[];
}

export interface IamStatement {
  readonly sid: string;
  readonly actions: readonly string[];
  readonly resources: readonly string[];
  readonly conditions?: readonly IamCondition[];
}

/**
 * Statements whose Resource is `*` because the service has no resource-level permissions for
 * those actions. Tests fail on any other `*` resource.
 */
export const WILDCARD_RESOURCE_JUSTIFICATIONS: Readonly<Record<string, string>> = {
  StateMachineLogDelivery:
    'CloudWatch Logs vended-log delivery actions (CreateLogDelivery, PutResourcePolicy, DescribeLogGroups, ...) do not support resource-level permissions; the Step Functions logging guide grants them on "*".',
  StateMachineXRay:
    'X-Ray PutTraceSegments/PutTelemetryRecords/GetSamplingRules/GetSamplingTargets have no resource types; the Step Functions X-Ray guide grants them on "*".',
};

// ---------------------------------------------------------------- DynamoDB

/**
 * IAM actions for the DynamoDB operations a step calls. TransactWriteItems has no IAM action: AWS
 * authorises each Put/Update/Delete in it by PutItem/UpdateItem/DeleteItem and each ConditionCheck
 * by ConditionCheckItem ("Using IAM with DynamoDB transactions").
 */
export const dynamoIamActions = (operations: readonly DynamoOperation[]): string[] => {
  const actions = new Set<string>();
  for (const operation of operations) {
    if (operation === 'TransactWriteItems') actions.add('dynamodb:ConditionCheckItem');
    else actions.add(`dynamodb:${operation}`);
  }
  return [...actions].sort();
};

/** Item actions on the table; Query also on its indexes (`<table>/index/*`). */
export const dynamoStatements = (operations: readonly DynamoOperation[], tableArn: string): IamStatement[] => {
  const actions = dynamoIamActions(operations);
  const itemActions = actions.filter((action) => action !== 'dynamodb:Query');
  const statements: IamStatement[] = [];
  if (itemActions.length > 0) statements.push({ sid: 'TableItems', actions: itemActions, resources: [tableArn] });
  if (actions.includes('dynamodb:Query')) {
    statements.push({ sid: 'TableQuery', actions: ['dynamodb:Query'], resources: [tableArn, `${tableArn}/index/*`] });
  }
  return statements;
};

// ---------------------------------------------------------------- Bedrock

/** Geography prefixes of system-defined cross-Region inference profiles (`us.anthropic...`). */
const INFERENCE_PROFILE_PREFIX = /^(global|us|us-gov|eu|apac|jp|au|ca)\.(.+)$/;

export interface BedrockScope {
  /** Model or inference-profile ids the steps call, e.g. from the agent settings. */
  readonly modelIds: readonly string[];
  /** Region the Bedrock client calls (the profile's source Region). */
  readonly region: string;
  readonly accountId: string;
  readonly partition: string;
}

/**
 * `bedrock:InvokeModel` (what the Converse API is authorised by) on exactly the configured models.
 *
 * A cross-Region profile needs the action on the profile in the source Region AND on the
 * foundation model in every destination Region. The destination list differs per profile and
 * grows over time, so the foundation-model grant names the model in any Region but only through
 * our own profile (`bedrock:InferenceProfileArn`); the model cannot be called directly.
 */
export const bedrockStatements = (scope: BedrockScope): IamStatement[] => {
  const ids = [...new Set(scope.modelIds)].sort();
  if (ids.length === 0) throw new Error('bedrockStatements: no model ids given');
  const statements: IamStatement[] = [];
  const direct: string[] = [];
  const profiles: string[] = [];
  for (const id of ids) {
    if (id.startsWith('arn:')) {
      throw new Error(`Bedrock model "${id}": give a model id or a cross-Region inference profile id, not an ARN.`);
    }
    if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?$/i.test(id)) {
      throw new Error(`Bedrock model "${id}" is not a valid model id.`);
    }
    const profile = INFERENCE_PROFILE_PREFIX.exec(id);
    if (!profile) {
      direct.push(`arn:${scope.partition}:bedrock:${scope.region}::foundation-model/${id}`);
      continue;
    }
    const profileArn = `arn:${scope.partition}:bedrock:${scope.region}:${scope.accountId}:inference-profile/${id}`;
    profiles.push(profileArn);
    statements.push({
      sid: `InvokeViaProfile${statements.length + 1}`,
      actions: ['bedrock:InvokeModel'],
      resources: [`arn:${scope.partition}:bedrock:*::foundation-model/${profile[2]}`],
      conditions: [{ test: 'StringEquals', variable: 'bedrock:InferenceProfileArn', values: [profileArn] }],
    });
  }
  const head: IamStatement[] = [];
  if (profiles.length > 0) head.push({ sid: 'InvokeInferenceProfiles', actions: ['bedrock:InvokeModel'], resources: profiles });
  if (direct.length > 0) head.push({ sid: 'InvokeFoundationModels', actions: ['bedrock:InvokeModel'], resources: direct });
  return [...head, ...statements];
};

// ---------------------------------------------------------------- SES

export interface SesScope {
  /** The verified sender: an address (`pm@acme.com`) or a domain (`acme.com`). */
  readonly sender: string;
  readonly senderIdentityArn: string;
  readonly configurationSetArn: string;
  /** Domains the agent may mail (`acme.com`), lower case. */
  readonly allowedDomains: readonly string[];
  /** Exact addresses outside those domains the agent may also mail (the owner). */
  readonly allowedAddresses: readonly string[];
  readonly region: string;
  readonly accountId: string;
  readonly partition: string;
}

/** `ses:Recipients` patterns: `*@domain` per allowed domain plus the exact extra addresses. */
export const recipientPatterns = (allowedDomains: readonly string[], allowedAddresses: readonly string[]): string[] =>
  [...new Set([...allowedDomains.map((domain) => `*@${domain}`), ...allowedAddresses])].sort();

/**
 * `ses:SendEmail` (SES v2 SendEmail) from the agent's sender only, to recipients in the allowed
 * domains only. Recipient identities are listed too because an account still in the SES sandbox
 * also authorises the send against each (verified) recipient identity.
 */
export const sesStatements = (scope: SesScope): IamStatement[] => {
  const sender = scope.sender.toLowerCase();
  const fromCondition: IamCondition = sender.includes('@')
    ? { test: 'StringEquals', variable: 'ses:FromAddress', values: [sender] }
    : { test: 'StringLike', variable: 'ses:FromAddress', values: [`*@${sender}`] };
  const identity = (name: string) => `arn:${scope.partition}:ses:${scope.region}:${scope.accountId}:identity/${name}`;
  const recipientIdentities = [
    ...scope.allowedDomains.flatMap((domain) => [identity(domain), identity(`*@${domain}`)]),
    ...scope.allowedAddresses.map(identity),
  ];
  return [
    {
      sid: 'SendAsAgentToAllowedDomains',
      actions: ['ses:SendEmail'],
      resources: [...new Set([scope.senderIdentityArn, scope.configurationSetArn, ...recipientIdentities])],
      conditions: [
        fromCondition,
        {
          test: 'ForAllValues:StringLike',
          variable: 'ses:Recipients',
          values: recipientPatterns(scope.allowedDomains, scope.allowedAddresses),
        },
      ],
    },
  ];
};

// ---------------------------------------------------------------- One function's policy

export interface FunctionPolicyContext {
  readonly tableArn: string;
  readonly models: Readonly<Record<ModelRole, string>>;
  readonly bedrock: Omit<BedrockScope, 'modelIds'>;
  readonly ses: SesScope;
}

/** Everything one step may do beyond writing its own logs: its table operations, models, mail. */
export const functionStatements = (spec: FunctionSpec, context: FunctionPolicyContext): IamStatement[] => [
  ...dynamoStatements(spec.dynamo, context.tableArn),
  ...(spec.bedrockModels.length > 0
    ? bedrockStatements({ ...context.bedrock, modelIds: spec.bedrockModels.map((role) => context.models[role]) })
    : []),
  ...(spec.sendsEmail ? sesStatements(context.ses) : []),
];

// ---------------------------------------------------------------- Step Functions and Scheduler roles

/** The state machine may invoke exactly the step functions (unqualified ARNs, as the ASL names them). */
export const stateMachineRoleStatements = (functionArns: readonly string[]): IamStatement[] => {
  const arns = [...new Set(functionArns)].sort();
  if (arns.length === 0) throw new Error('stateMachineRoleStatements: no function ARNs given');
  return [
    { sid: 'InvokeStepFunctions', actions: ['lambda:InvokeFunction'], resources: arns },
    {
      sid: 'StateMachineLogDelivery',
      actions: [
        'logs:CreateLogDelivery',
        'logs:DeleteLogDelivery',
        'logs:DescribeLogGroups',
        'logs:DescribeResourcePolicies',
        'logs:GetLogDelivery',
        'logs:ListLogDeliveries',
        'logs:PutResourcePolicy',
        'logs:UpdateLogDelivery',
      ],
      resources: ['*'],
    },
    {
      sid: 'StateMachineXRay',
      actions: ['xray:GetSamplingRules', 'xray:GetSamplingTargets', 'xray:PutTelemetryRecords', 'xray:PutTraceSegments'],
      resources: ['*'],
    },
  ];
};

export const schedulerRoleStatements = (stateMachineArn: string): IamStatement[] => [
  { sid: 'StartAgentLoop', actions: ['states:StartExecution'], resources: [stateMachineArn] },
];

// ---------------------------------------------------------------- JSON documents

export interface PolicyDocument {
  readonly Version: '2012-10-17';
  readonly Statement: ReadonlyArray<{
    Sid: string;
    Effect: 'Allow';
    Action: string[];
    Resource: string[];
    Condition?: Record<string, Record<string, string[]>>;
  }>;
}

export const policyDocument = (statements: readonly IamStatement[]): PolicyDocument => ({
  Version: '2012-10-17',
  Statement: statements.map((statement) => {
    const condition: Record<string, Record<string, string[]>> = {};
    for (const { test, variable, values } of statement.conditions ?? []) {
      condition[test] = { ...condition[test], [variable]: [...values] };
    }
    return {
      Sid: statement.sid,
      Effect: 'Allow' as const,
      Action: [...statement.actions],
      Resource: [...statement.resources],
      ...(Object.keys(condition).length > 0 ? { Condition: condition } : {}),
    };
  }),
});

/** Trust policy for a service role, limited to our own account (confused-deputy protection). */
export const serviceTrustPolicy = (service: 'states.amazonaws.com' | 'scheduler.amazonaws.com', accountId: string) => ({
  Version: '2012-10-17' as const,
  Statement: [
    {
      Effect: 'Allow' as const,
      Principal: { Service: service },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'aws:SourceAccount': accountId } },
    },
  ],
});

/** The shape `sst.aws.Function`'s `permissions` takes (no Sid there). */
export const toFunctionPermissions = (statements: readonly IamStatement[]) =>
  statements.map((statement) => ({
    actions: [...statement.actions],
    resources: [...statement.resources],
    ...(statement.conditions
      ? { conditions: statement.conditions.map((c) => ({ test: c.test, variable: c.variable, values: [...c.values] })) }
      : {}),
  }));
