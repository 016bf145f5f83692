export type * from './types';
export { createGraphClient } from './graph-client';
export { GraphApiError, isSyncStateLost } from './graph-error';
export { initialDeltaUrl } from './delta-round';
export { mailBodyText, capText, DEFAULT_MAX_BODY_CHARS } from './mail-body';
export { stripQuotesAndSignature } from './quoted-reply';
export { headerMap, isAutoReply, isBulk } from './mail-flags';
export { authenticatedFromDomain } from './mail-authentication';
export { MAX_CONCURRENT_PER_MAILBOX, relativeGraphLink } from './graph-http';
