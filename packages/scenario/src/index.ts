export * from './schema';
export * from './load-scenario';
export * from './clock';
export * from './redteam/attack-corpus-schema';
export * from './redteam/redteam-scenario';
