import type { BedrockErrorReply } from './wire';

/** Bedrock's error answers, by the exception name the SDK maps them to. */
export const bedrockError = (status: number, type: string, message: string): BedrockErrorReply => ({ error: { status, type, message } });

export const throttled = (message = 'Too many requests, please wait before trying again.'): BedrockErrorReply =>
  bedrockError(429, 'ThrottlingException', message);

export const modelTimeout = (message = 'Model has timed out in processing the request.'): BedrockErrorReply =>
  bedrockError(408, 'ModelTimeoutException', message);

export const serviceUnavailable = (message = 'Service is temporarily unavailable.'): BedrockErrorReply =>
  bedrockError(503, 'ServiceUnavailableException', message);

export const internalServerError = (message = 'The server encountered an internal error.'): BedrockErrorReply =>
  bedrockError(500, 'InternalServerException', message);

export const validationError = (message: string): BedrockErrorReply => bedrockError(400, 'ValidationException', message);
