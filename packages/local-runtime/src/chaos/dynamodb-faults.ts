import { ConditionalCheckFailedException, ProvisionedThroughputExceededException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

type WriteInput = { ConditionExpression?: string; TransactItems?: Array<Record<string, { ConditionExpression?: string } | undefined>> };

/** Items of a transaction that carry a condition, by index. */
const conditionalItems = (input: WriteInput): number[] =>
  (input.TransactItems ?? []).flatMap((item, i) => (Object.values(item).some((op) => op?.ConditionExpression !== undefined) ? [i] : []));

/** Whether a call has a condition an injected ConditionalCheckFailed could plausibly fail. */
export const hasCondition = (operation: string, input: unknown): boolean => {
  const write = (input ?? {}) as WriteInput;
  return operation === 'TransactWriteItems' ? conditionalItems(write).length > 0 : write.ConditionExpression !== undefined;
};

/** The error DynamoDB answers when a condition fails: per item in a transaction, else the plain exception. */
export const conditionFailure = (operation: string, input: unknown): Error => {
  const $metadata = { httpStatusCode: 400 };
  if (operation !== 'TransactWriteItems') return new ConditionalCheckFailedException({ message: 'The conditional request failed (injected by --chaos)', $metadata });
  const write = (input ?? {}) as WriteInput;
  const failing = conditionalItems(write)[0];
  return new TransactionCanceledException({
    message: 'Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed] (injected by --chaos)',
    $metadata,
    CancellationReasons: (write.TransactItems ?? []).map((_, i) => (i === failing ? { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' } : { Code: 'None' })),
  });
};

export const throughputExceeded = (): Error =>
  new ProvisionedThroughputExceededException({ message: 'The level of configured provisioned throughput for the table was exceeded (injected by --chaos)', $metadata: { httpStatusCode: 400 } });

/**
 * Lets `inject` fail any DynamoDB call of this client. It sits in the initialize step, outside the
 * SDK's retries, so an injected error reaches the agent as if the SDK had given up. The document
 * client shares its stack with the low-level client, so this sees every call the storage layer makes.
 */
export const addDynamoDbFaults = (doc: DynamoDBDocumentClient, inject: (operation: string, input: unknown) => Error | null): void => {
  doc.middlewareStack.add(
    (next, context) => async (args) => {
      const error = inject((context.commandName ?? '').replace(/Command$/, ''), args.input);
      if (error) throw error;
      return next(args);
    },
    { step: 'initialize', name: 'chaosDynamoDbFaults', override: true },
  );
};
