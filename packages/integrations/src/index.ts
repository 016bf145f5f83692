export * from './jira';
export * from './graph';
export * from './mail';
export * from './secrets';
