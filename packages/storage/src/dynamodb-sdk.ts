import { createRequire } from 'node:module';
import type * as ClientDynamoDb from '@aws-sdk/client-dynamodb';
import type * as LibDynamoDb from '@aws-sdk/lib-dynamodb';

/**
 * The DynamoDB SDK, loaded with require(). In Lambda it is the runtime's copy (infra/README.md,
 * Bundling), which is CommonJS: Node's ESM loader loads CommonJS at about twice the CPU cost of
 * require() (it detects the format of, and lexes for export names, every file it loads), which
 * made the SDK most of a function's cold start. Values here; types from the packages themselves.
 */
const require = createRequire(import.meta.url);

export const {
  DynamoDBClient,
  ConditionalCheckFailedException,
  TransactionCanceledException,
  ResourceInUseException,
  CreateTableCommand,
  DescribeTableCommand,
  waitUntilTableExists,
} = require('@aws-sdk/client-dynamodb') as typeof ClientDynamoDb;

export const {
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
  DeleteCommand,
  QueryCommand,
  TransactWriteCommand,
  BatchGetCommand,
  BatchWriteCommand,
} = require('@aws-sdk/lib-dynamodb') as typeof LibDynamoDb;

export type DynamoDBClient = ClientDynamoDb.DynamoDBClient;
export type DynamoDBDocumentClient = LibDynamoDb.DynamoDBDocumentClient;
