import type { GraphClient, GraphClientConfig } from './types';
import { retryPolicyFrom } from '../http/retry';
import { deltaRound } from './delta-round';
import { createGraphHttp } from './graph-http';
import { DEFAULT_MAX_BODY_CHARS } from './mail-body';
import { createTokenSource } from './token-provider';

const DEFAULT_PAGE_SIZE = 50;
const DEFAULT_TIMEOUT_MS = 30_000;

/** Microsoft Graph with an app-only (client-credentials) token, reading mailboxes by user id. */
export const createGraphClient = (config: GraphClientConfig): GraphClient => {
  const policy = retryPolicyFrom(config);
  const timeoutMs = config.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  const pageSize = config.pageSize ?? DEFAULT_PAGE_SIZE;
  const maxBodyChars = config.maxBodyChars ?? DEFAULT_MAX_BODY_CHARS;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000) throw new RangeError(`pageSize must be an integer in 1..1000, got ${pageSize}`);
  if (!Number.isInteger(maxBodyChars) || maxBodyChars < 1) throw new RangeError(`maxBodyChars must be a positive integer, got ${maxBodyChars}`);

  const tokens = createTokenSource(config, policy, timeoutMs);
  const http = createGraphHttp(config.graphBaseUrl, tokens, policy, timeoutMs);
  return {
    deltaRound: (mailbox, deltaLink, options = {}) =>
      deltaRound(http, mailbox, deltaLink, { graphBaseUrl: config.graphBaseUrl, pageSize, maxBodyChars, ...(options.receivedSince ? { receivedSince: options.receivedSince } : {}) }),
  };
};
