export { startGraphSandbox, type GraphSandbox, type GraphSandboxOptions, type GraphRequestRecord } from './graph-sandbox';
export type { GraphSandboxFaults } from './graph-faults';
