export * from './telemetry';
export * from './step-handler';
export * from './aws-provider';
