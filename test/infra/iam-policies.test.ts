import { describe, expect, it } from 'vitest';
import { defaultSettings, HAIKU_4_5, SONNET_4_5 } from '../../packages/domain/src/settings';
import { FUNCTION_KEYS, FUNCTION_SPECS, type FunctionKey } from '../../infra/function-specs';
import {
  bedrockStatements,
  dynamoIamActions,
  functionStatements,
  policyDocument,
  schedulerRoleStatements,
  serviceTrustPolicy,
  sesStatements,
  stateMachineRoleStatements,
  WILDCARD_RESOURCE_JUSTIFICATIONS,
  type FunctionPolicyContext,
  type IamStatement,
} from '../../infra/iam-policies';
import { ACCOUNT, fakeFunctionArn, REGION } from './support';

const TABLE_ARN = `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/agentic-pm-production-AgentTableTable-xyz`;
const STATE_MACHINE_ARN = `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:agentic-pm-production-agent-loop`;
const SENDER_IDENTITY_ARN = `arn:aws:ses:${REGION}:${ACCOUNT}:identity/pm@acme.com`;
const CONFIG_SET_ARN = `arn:aws:ses:${REGION}:${ACCOUNT}:configuration-set/agentemailconfig-abc`;

const context = (): FunctionPolicyContext => {
  const settings = defaultSettings();
  return {
    tableArn: TABLE_ARN,
    models: { triage: settings.models.triage, reasoning: settings.models.reasoning },
    bedrock: { region: settings.models.region, accountId: ACCOUNT, partition: 'aws' },
    ses: {
      sender: 'pm@acme.com',
      senderIdentityArn: SENDER_IDENTITY_ARN,
      configurationSetArn: CONFIG_SET_ARN,
      allowedDomains: ['acme.com', 'partner.io'],
      allowedAddresses: ['owner@gmail.com'],
      region: REGION,
      accountId: ACCOUNT,
      partition: 'aws',
    },
  };
};

/** Every IAM action this app may grant, spelled as in the Service Authorization Reference. */
const KNOWN_ACTIONS = new Set([
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:Query',
  'dynamodb:BatchGetItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
  'bedrock:InvokeModel',
  'ses:SendEmail',
  'lambda:InvokeFunction',
  'states:StartExecution',
  'logs:CreateLogDelivery',
  'logs:DeleteLogDelivery',
  'logs:DescribeLogGroups',
  'logs:DescribeResourcePolicies',
  'logs:GetLogDelivery',
  'logs:ListLogDeliveries',
  'logs:PutResourcePolicy',
  'logs:UpdateLogDelivery',
  'xray:GetSamplingRules',
  'xray:GetSamplingTargets',
  'xray:PutTelemetryRecords',
  'xray:PutTraceSegments',
]);

const allPolicies = (): Array<[string, IamStatement[]]> => [
  ...FUNCTION_KEYS.map((key): [string, IamStatement[]] => [key, functionStatements(FUNCTION_SPECS[key], context())]),
  ['stateMachineRole', stateMachineRoleStatements(FUNCTION_KEYS.map((key) => fakeFunctionArn(FUNCTION_SPECS[key].componentName)))],
  ['schedulerRole', schedulerRoleStatements(STATE_MACHINE_ARN)],
];

const actionsOf = (statements: IamStatement[]) => statements.flatMap((statement) => statement.actions);

describe('every IAM policy the app grants', () => {
  it.each(allPolicies())('%s is a well-formed policy document', (_name, statements) => {
    // Act
    const document = JSON.parse(JSON.stringify(policyDocument(statements)));

    // Assess
    expect(document.Version).toBe('2012-10-17');
    expect(document.Statement.length).toBeGreaterThan(0);
    const sids = document.Statement.map((statement: { Sid: string }) => statement.Sid);
    expect(new Set(sids).size).toBe(sids.length);
    for (const statement of document.Statement) {
      expect(statement.Sid).toMatch(/^[A-Za-z0-9]+$/);
      expect(statement.Effect).toBe('Allow');
      expect(statement.Action.length).toBeGreaterThan(0);
      expect(statement.Resource.length).toBeGreaterThan(0);
      for (const values of Object.values(statement.Condition ?? {})) {
        for (const list of Object.values(values as Record<string, string[]>)) expect(list.length).toBeGreaterThan(0);
      }
    }
  });

  it.each(allPolicies())('%s has no wildcard action and only known actions', (_name, statements) => {
    // Act
    const actions = actionsOf(statements);

    // Assess
    expect(actions.filter((action) => action.includes('*'))).toEqual([]);
    expect(actions.filter((action) => !KNOWN_ACTIONS.has(action))).toEqual([]);
  });

  it.each(allPolicies())('%s has a "*" resource only where AWS requires it', (_name, statements) => {
    // Act
    const wildcard = statements.filter((statement) => statement.resources.includes('*'));

    // Assess
    for (const statement of wildcard) {
      expect(WILDCARD_RESOURCE_JUSTIFICATIONS[statement.sid], statement.sid).toBeDefined();
      expect(statement.resources).toEqual(['*']);
    }
  });
});

describe('DynamoDB grants', () => {
  it('authorises transactions per item, since TransactWriteItems is not an IAM action', () => {
    // Act
    const actions = dynamoIamActions(['PutItem', 'TransactWriteItems']);

    // Assess
    expect(actions).toEqual(['dynamodb:ConditionCheckItem', 'dynamodb:PutItem']);
  });

  it.each(FUNCTION_KEYS)('%s gets exactly its operations, on this table and its indexes only', (key) => {
    // Act
    const statements = functionStatements(FUNCTION_SPECS[key], context()).filter((statement) =>
      statement.actions.some((action) => action.startsWith('dynamodb:')),
    );

    // Assess
    expect(new Set(actionsOf(statements))).toEqual(new Set(dynamoIamActions(FUNCTION_SPECS[key].dynamo)));
    for (const statement of statements) {
      const allowed = statement.actions.includes('dynamodb:Query') ? [TABLE_ARN, `${TABLE_ARN}/index/*`] : [TABLE_ARN];
      expect(statement.resources).toEqual(allowed);
    }
  });

  it('keeps DeleteItem away from steps that do not delete', () => {
    // Assess
    expect(actionsOf(functionStatements(FUNCTION_SPECS.triage, context()))).not.toContain('dynamodb:DeleteItem');
    expect(actionsOf(functionStatements(FUNCTION_SPECS.finishRun, context()))).not.toContain('dynamodb:DeleteItem');
    expect(actionsOf(functionStatements(FUNCTION_SPECS.executeActions, context()))).toContain('dynamodb:DeleteItem');
  });
});

describe('Bedrock grants', () => {
  const bedrockOf = (key: FunctionKey) =>
    functionStatements(FUNCTION_SPECS[key], context()).filter((statement) => statement.actions.includes('bedrock:InvokeModel'));

  it('go to triage and reasoning only', () => {
    // Act
    const withBedrock = FUNCTION_KEYS.filter((key) => bedrockOf(key).length > 0);

    // Assess
    expect(withBedrock.sort()).toEqual(['reasoning', 'triage']);
  });

  it('name the inference profile in the source Region and the model only through that profile', () => {
    // Act
    const statements = bedrockOf('triage');

    // Assess
    const profileArn = `arn:aws:bedrock:us-east-1:${ACCOUNT}:inference-profile/${HAIKU_4_5}`;
    expect(statements).toEqual([
      { sid: 'InvokeInferenceProfiles', actions: ['bedrock:InvokeModel'], resources: [profileArn] },
      {
        sid: 'InvokeViaProfile1',
        actions: ['bedrock:InvokeModel'],
        resources: [`arn:aws:bedrock:*::foundation-model/${HAIKU_4_5.replace(/^us\./, '')}`],
        conditions: [{ test: 'StringEquals', variable: 'bedrock:InferenceProfileArn', values: [profileArn] }],
      },
    ]);
  });

  it('cover both configured models for reasoning and nothing else', () => {
    // Act
    const resources = bedrockOf('reasoning').flatMap((statement) => statement.resources);

    // Assess
    expect(resources).toHaveLength(4);
    expect(resources.filter((arn) => arn.includes('inference-profile/')).sort()).toEqual(
      [HAIKU_4_5, SONNET_4_5].map((id) => `arn:aws:bedrock:us-east-1:${ACCOUNT}:inference-profile/${id}`).sort(),
    );
  });

  it('name a plain foundation model directly, in the client Region', () => {
    // Act
    const statements = bedrockStatements({ modelIds: ['anthropic.claude-3-5-haiku-20241022-v1:0'], region: 'eu-west-1', accountId: ACCOUNT, partition: 'aws' });

    // Assess
    expect(statements).toEqual([
      {
        sid: 'InvokeFoundationModels',
        actions: ['bedrock:InvokeModel'],
        resources: ['arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0'],
      },
    ]);
  });

  it('refuse ARNs and wildcards as model ids', () => {
    // Prepare
    const scope = { region: 'us-east-1', accountId: ACCOUNT, partition: 'aws' };

    // Act + Assess
    expect(() => bedrockStatements({ ...scope, modelIds: ['arn:aws:bedrock:us-east-1::foundation-model/x'] })).toThrow('not an ARN');
    expect(() => bedrockStatements({ ...scope, modelIds: ['anthropic.*'] })).toThrow('not a valid model id');
    expect(() => bedrockStatements({ ...scope, modelIds: [] })).toThrow('no model ids');
  });
});

describe('SES grants', () => {
  it('go to the sending steps only', () => {
    // Act
    const senders = FUNCTION_KEYS.filter((key) => actionsOf(functionStatements(FUNCTION_SPECS[key], context())).includes('ses:SendEmail'));

    // Assess
    expect(senders.sort()).toEqual(['executeActions', 'housekeeping', 'processHoldQueue']);
  });

  it('allow only the agent sender and recipients in the allowed domains or the owner', () => {
    // Act
    const [statement] = sesStatements(context().ses);

    // Assess
    expect(statement?.actions).toEqual(['ses:SendEmail']);
    expect(statement?.conditions).toEqual([
      { test: 'StringEquals', variable: 'ses:FromAddress', values: ['pm@acme.com'] },
      { test: 'ForAllValues:StringLike', variable: 'ses:Recipients', values: ['*@acme.com', '*@partner.io', 'owner@gmail.com'] },
    ]);
    expect(statement?.resources).toEqual(expect.arrayContaining([SENDER_IDENTITY_ARN, CONFIG_SET_ARN]));
    expect(statement?.resources.every((arn) => arn.startsWith(`arn:aws:ses:${REGION}:${ACCOUNT}:`))).toBe(true);
  });

  it('allow any address of a sender domain, and no other', () => {
    // Act
    const [statement] = sesStatements({ ...context().ses, sender: 'Acme.com' });

    // Assess
    expect(statement?.conditions?.[0]).toEqual({ test: 'StringLike', variable: 'ses:FromAddress', values: ['*@acme.com'] });
  });

  it('render both conditions in one policy statement', () => {
    // Act
    const document = policyDocument(sesStatements(context().ses));

    // Assess
    expect(document.Statement[0]?.Condition).toEqual({
      StringEquals: { 'ses:FromAddress': ['pm@acme.com'] },
      'ForAllValues:StringLike': { 'ses:Recipients': ['*@acme.com', '*@partner.io', 'owner@gmail.com'] },
    });
  });
});

describe('service roles', () => {
  it('let the state machine invoke exactly the step functions', () => {
    // Prepare
    const arns = FUNCTION_KEYS.map((key) => fakeFunctionArn(FUNCTION_SPECS[key].componentName));

    // Act
    const statements = stateMachineRoleStatements([...arns, arns[0]!]);

    // Assess
    const invoke = statements.filter((statement) => statement.actions.includes('lambda:InvokeFunction'));
    expect(invoke).toHaveLength(1);
    expect(invoke[0]?.actions).toEqual(['lambda:InvokeFunction']);
    expect([...(invoke[0]?.resources ?? [])].sort()).toEqual([...arns].sort());
    expect(statements.map((statement) => statement.sid).sort()).toEqual(['InvokeStepFunctions', 'StateMachineLogDelivery', 'StateMachineXRay']);
  });

  it('let the schedule start only the agent loop', () => {
    // Assess
    expect(schedulerRoleStatements(STATE_MACHINE_ARN)).toEqual([
      { sid: 'StartAgentLoop', actions: ['states:StartExecution'], resources: [STATE_MACHINE_ARN] },
    ]);
  });

  it('trust only the service, on behalf of this account', () => {
    // Act
    const trust = serviceTrustPolicy('scheduler.amazonaws.com', ACCOUNT);

    // Assess
    expect(trust.Statement).toEqual([
      {
        Effect: 'Allow',
        Principal: { Service: 'scheduler.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT } },
      },
    ]);
  });
});
