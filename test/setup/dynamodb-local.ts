import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../../packages/local-runtime/src/dynamodb-local';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

/** One DynamoDB Local for the whole test run; each test file makes its own table. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const db = await startDynamoDbLocal();
  project.provide('dynamoEndpoint', db.endpoint);
  return () => db.stop();
}
