import { IntegrationError } from '@agentic-pm/domain';
import { TransientError } from './errors';

const TRANSIENT_AWS_ERRORS = new Set([
  'ThrottlingException', 'ProvisionedThroughputExceededException', 'RequestLimitExceeded', 'TransactionConflictException',
  'InternalServerError', 'InternalServerException', 'ServiceUnavailable', 'ServiceUnavailableException', 'ModelTimeoutException',
  'TimeoutError', 'ECONNRESET', 'ETIMEDOUT',
]);

type AwsLikeError = Error & { $retryable?: unknown; $metadata?: { httpStatusCode?: number }; code?: string };

/** Worth another attempt later: throttling, 5xx, a dropped connection, all after the client's own retries. */
export const isTransient = (error: unknown): boolean => {
  if (error instanceof IntegrationError) return error.status === undefined || error.status === 429 || error.status >= 500;
  if (!(error instanceof Error)) return false;
  const e = error as AwsLikeError;
  return e.$retryable !== undefined || TRANSIENT_AWS_ERRORS.has(e.name) || (e.code !== undefined && TRANSIENT_AWS_ERRORS.has(e.code)) || (e.$metadata?.httpStatusCode ?? 0) >= 500;
};

/**
 * Renames transient failures to TransientError, the name the state machine's Retry matches, so
 * Step Functions backs off and re-runs the step; anything else fails the run as it is.
 */
export const toStepError = (error: unknown): unknown =>
  isTransient(error) ? new TransientError(`${(error as Error).name}: ${(error as Error).message}`, { cause: error }) : error;
