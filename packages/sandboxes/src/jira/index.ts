export { startJiraSandbox, type JiraSandbox, type JiraSandboxOptions, type JiraSandboxWrite, type JiraRequestRecord } from './jira-sandbox';
export type { SandboxFaults, FiredFault } from '../http/faults';
export { formatJiraTime } from './time-zone';
