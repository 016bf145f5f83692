export * from './schema';
export * from './load-scenario';
export * from './clock';
