export * from './telemetry';
export * from './step-handler';
export * from './aws-provider';
export type { AwsClients } from './aws-context';
export type { LinkedConfig } from './linked-resources';
export { linkedJira } from './clients/linked-jira';
export { linkedGraph } from './clients/linked-graph';
export { sesMailer } from './clients/ses-mailer';
export { bedrockRuntime } from './clients/bedrock-runtime';
