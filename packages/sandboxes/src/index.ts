export * from './jira';
export * from './graph';
export * from './converse';
