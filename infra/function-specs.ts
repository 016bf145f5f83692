/**
 * One Lambda per Task state: what each runs, how big it is, what it is linked to and which table
 * operations it may call. Pure data (no SST globals) so tests can check it offline and a reader
 * can see in one screen who may do what.
 *
 * Sizes follow the design document's Lambda table. Lambda timeouts sit below the Task state's
 * `TimeoutSeconds` in the ASL so a slow handler fails as a Lambda timeout (its side effects
 * stopped) rather than Step Functions giving up while the function keeps running.
 */

/** The SST link names the functions' config module reads through `Resource`. */
export type LinkName = 'AgentTable' | 'AgentConfig' | 'JiraApiToken' | 'GraphClientSecret' | 'AgentEmail';

/**
 * DynamoDB API operations a step calls (as the SDK names them). `iam-policies.ts` turns them into
 * IAM actions: transactions have no IAM action of their own, they are authorised per item.
 */
export type DynamoOperation =
  | 'GetItem'
  | 'PutItem'
  | 'UpdateItem'
  | 'DeleteItem'
  | 'Query'
  | 'BatchGetItem'
  | 'BatchWriteItem'
  | 'TransactWriteItems';

export type FunctionKey =
  | 'heartbeat'
  | 'pollJira'
  | 'pollOutlook'
  | 'normaliseSignals'
  | 'triage'
  | 'reasoning'
  | 'executeActions'
  | 'updateArtefacts'
  | 'processHoldQueue'
  | 'housekeeping'
  | 'finishRun';

/** The model roles in the agent settings (`models.triage`, `models.reasoning`). */
export type ModelRole = 'triage' | 'reasoning';

export interface FunctionSpec {
  /** SST component name; the ASL placeholder is `${<componentName>Arn}`. */
  readonly componentName: string;
  /** Handler file, relative to the repository root. */
  readonly handlerFile: string;
  readonly description: string;
  readonly memoryMb: 128 | 256 | 512 | 1024;
  readonly timeoutSeconds: number;
  readonly links: readonly LinkName[];
  readonly dynamo: readonly DynamoOperation[];
  /** Which configured models (agent settings `models.*`) it calls on Bedrock; empty for none. */
  readonly bedrockModels: readonly ModelRole[];
  /** Sends mail through SES (`ses:SendEmail`, restricted to the sender and allowed domains). */
  readonly sendsEmail: boolean;
}

/** Every step reads config/state and writes its own records; conditional writes need no extra action. */
const BASE_TABLE_OPS = ['GetItem', 'PutItem', 'UpdateItem', 'Query'] as const satisfies readonly DynamoOperation[];

const spec = (
  componentName: string,
  file: string,
  description: string,
  memoryMb: FunctionSpec['memoryMb'],
  timeoutSeconds: number,
  extra: {
    links?: readonly LinkName[];
    dynamo?: readonly DynamoOperation[];
    bedrockModels?: readonly ModelRole[];
    sendsEmail?: boolean;
  } = {},
): FunctionSpec => ({
  componentName,
  handlerFile: `functions/${file}.ts`,
  description,
  memoryMb,
  timeoutSeconds,
  links: ['AgentTable', 'AgentConfig', ...(extra.links ?? [])],
  dynamo: [...BASE_TABLE_OPS, ...(extra.dynamo ?? [])],
  bedrockModels: extra.bedrockModels ?? [],
  sendsEmail: extra.sendsEmail ?? false,
});

export const FUNCTION_SPECS: Readonly<Record<FunctionKey, FunctionSpec>> = {
  heartbeat: spec('HeartbeatFunction', 'heartbeat', 'Writes the heartbeat and takes the run lease', 128, 20),
  pollJira: spec('PollJiraFunction', 'poll-jira', 'Searches Jira for issues changed since the checkpoint', 256, 90, {
    links: ['JiraApiToken'],
    // Stages many changed issues per page; dedupes against what it already stored.
    dynamo: ['BatchGetItem', 'BatchWriteItem', 'TransactWriteItems'],
  }),
  pollOutlook: spec('PollOutlookFunction', 'poll-outlook', 'Follows the Graph mail delta since the last deltaLink', 256, 90, {
    // The sender address (a value, no SES permission) tells the agent's own mail apart.
    links: ['GraphClientSecret', 'AgentEmail'],
    dynamo: ['BatchGetItem', 'BatchWriteItem', 'TransactWriteItems'],
  }),
  normaliseSignals: spec('NormaliseSignalsFunction', 'normalise-signals', 'Turns staged changes into signals', 256, 45, {
    // Signal + run index written in one transaction, so a retry cannot half-create a signal.
    // Deletes each staged change once its signal is stored.
    dynamo: ['BatchGetItem', 'BatchWriteItem', 'TransactWriteItems', 'DeleteItem'],
  }),
  triage: spec('TriageFunction', 'triage', 'Two-pass triage with Claude Haiku', 512, 240, {
    dynamo: ['BatchGetItem', 'TransactWriteItems'],
    bedrockModels: ['triage'],
  }),
  reasoning: spec('ReasoningFunction', 'reasoning', 'Reasons about complex signals with Claude Sonnet', 512, 240, {
    dynamo: ['BatchGetItem', 'TransactWriteItems'],
    // The triage model too: when the daily budget turns Sonnet off, reasoning degrades to Haiku.
    bedrockModels: ['reasoning', 'triage'],
  }),
  executeActions: spec('ExecuteActionsFunction', 'execute-actions', 'Policy gate, then execute, hold or escalate', 256, 90, {
    links: ['JiraApiToken', 'AgentEmail'],
    // Intent record before the effect, outcome after; a handled proposal leaves the work partition.
    dynamo: ['BatchGetItem', 'TransactWriteItems', 'DeleteItem'],
    sendsEmail: true,
  }),
  updateArtefacts: spec('UpdateArtefactsFunction', 'update-artefacts', 'Keeps RAID log, delivery state, backlog and decisions current', 512, 90, {
    // New version and previous version move together; applied work leaves the work partition.
    dynamo: ['BatchGetItem', 'TransactWriteItems', 'DeleteItem'],
  }),
  processHoldQueue: spec('ProcessHoldQueueFunction', 'process-hold-queue', 'Executes held actions that came due', 256, 90, {
    links: ['JiraApiToken', 'AgentEmail'],
    dynamo: ['BatchGetItem', 'TransactWriteItems'],
    sendsEmail: true,
  }),
  housekeeping: spec('HousekeepingFunction', 'housekeeping', 'Daily digest mail; expiry is left to TTL', 256, 90, {
    links: ['AgentEmail'],
    dynamo: ['BatchGetItem', 'TransactWriteItems'],
    sendsEmail: true,
  }),
  // The lease is released with a conditional update: the item stays, so its fencing version keeps growing.
  finishRun: spec('FinishRunFunction', 'finish-run', 'Records the run outcome and releases the lease', 128, 20),
};

export const FUNCTION_KEYS = Object.keys(FUNCTION_SPECS) as FunctionKey[];

/** The `${...}` placeholder the workflow definition uses for a function's ARN. */
export const placeholderFor = (spec: FunctionSpec): string => `${spec.componentName}Arn`;

/** SST handler string: `<file without extension>.handler`. */
export const handlerFor = (spec: FunctionSpec): string => `${spec.handlerFile.replace(/\.ts$/, '')}.handler`;

/**
 * Environment the Powertools libraries read (service name and metric namespace). Not application
 * config, which comes only through links; the LLM budget alarm depends on these exact values.
 */
export const POWERTOOLS_ENVIRONMENT = {
  POWERTOOLS_SERVICE_NAME: 'agentic-pm',
  POWERTOOLS_METRICS_NAMESPACE: 'AgenticPm',
  POWERTOOLS_LOG_LEVEL: 'INFO',
} as const;
