export { startGraphSandbox, type GraphSandbox, type GraphSandboxOptions, type GraphRequestRecord } from './graph-sandbox';
export type { GraphSandboxFaults, SyncStateLossCode } from './graph-faults';
