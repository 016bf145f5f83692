export * from './program-support';
