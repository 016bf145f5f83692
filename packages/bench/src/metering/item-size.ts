// The size rules live with the table code, which also checks writes against DynamoDB's limits.
export { itemSizeBytes } from '@agentic-pm/storage';

/** Write units for `bytes`: one per started kilobyte, at least one. */
export const writeUnitsFor = (bytes: number): number => Math.max(1, Math.ceil(bytes / 1024));
