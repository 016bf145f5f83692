import { projectConfigSchema, type ProjectConfig, type ProjectConfigInput } from '@agentic-pm/domain';

export const project = (overrides: Partial<ProjectConfigInput> = {}): ProjectConfig =>
  projectConfigSchema.parse({
    id: 'atlas', name: 'Atlas', jiraProjectKey: 'ATL', mailbox: 'pm@acme.test', owner: 'lead@acme.test',
    autonomyLevel: 'act', allowedEmailDomains: ['acme.test'], ...overrides,
  });
