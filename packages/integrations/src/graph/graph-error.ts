import { IntegrationError } from '@agentic-pm/domain';

/** A Graph error response, with Graph's own error code (`syncStateNotFound`, `TooManyRequests`, ...). */
export class GraphApiError extends IntegrationError {
  constructor(
    message: string,
    status: number,
    readonly code: string | null,
  ) {
    super(message, status);
  }
}

const SYNC_STATE_CODES = new Set(['syncstatenotfound', 'syncstateinvalid', 'resyncrequired']);

/** The delta token is no longer usable: Graph wants a full resync. */
export const isSyncStateLost = (error: unknown): boolean =>
  error instanceof GraphApiError && (error.status === 410 || SYNC_STATE_CODES.has((error.code ?? '').toLowerCase()));
