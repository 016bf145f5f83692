import { TASK_HANDLERS } from '../local-handlers';

/** Every fault `--chaos` can inject, with what it does; the keys are the spec's `target:fault` names. */
export const FAULTS = {
  'jira:429': 'Jira answers 429 with Retry-After (and X-RateLimit-Reset)',
  'jira:429-no-retry-after': 'Jira answers a bare 429: the client backs off on its own',
  'jira:5xx': 'Jira answers 503',
  'graph:410': 'Graph rejects the next delta token with 410 resyncRequired',
  'graph:sync-state-not-found': 'Graph rejects the next delta token with 410 syncStateNotFound',
  'graph:429': 'Graph answers 429 with Retry-After',
  'bedrock:throttle': 'Converse answers ThrottlingException (429)',
  'bedrock:timeout': 'Converse answers ModelTimeoutException (408)',
  'bedrock:malformed': 'the model answers prose instead of the tool call it was asked for',
  'dynamodb:conditional': 'a conditional write fails with ConditionalCheckFailedException (TransactionCanceledException in a transaction)',
  'dynamodb:throttle': 'a DynamoDB call fails with ProvisionedThroughputExceededException, as if the SDK had used up its retries',
  'lambda:crash-before': 'the step\'s Lambda dies before its work (needs /step)',
  'lambda:crash-after': 'the step\'s Lambda dies after its work, before answering (needs /step)',
} as const;

export type FaultName = keyof typeof FAULTS;
export const FAULT_NAMES = Object.keys(FAULTS) as [FaultName, ...FaultName[]];

export type FaultTarget = 'jira' | 'graph' | 'bedrock' | 'dynamodb' | 'lambda';
export const targetOf = (fault: FaultName): FaultTarget => fault.split(':')[0] as FaultTarget;

/** `/step` names: the Task state's name in kebab case (`Execute Actions` -> `execute-actions`). */
export const stepSlug = (state: string): string => state.toLowerCase().replace(/\s+/g, '-');
export const STEPS = Object.fromEntries(Object.keys(TASK_HANDLERS).map((state) => [stepSlug(state), state])) as Record<string, string>;
export const STEP_NAMES = Object.keys(STEPS) as [string, ...string[]];

/** DynamoDB operations a `=operation` can name (the SDK command without its `Command` suffix). */
export const DYNAMODB_OPERATIONS = [
  'GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'Scan', 'BatchGetItem', 'BatchWriteItem', 'TransactGetItems', 'TransactWriteItems',
] as const;
export const CONDITIONAL_OPERATIONS = new Set<string>(['PutItem', 'UpdateItem', 'DeleteItem', 'TransactWriteItems']);
