/**
 * The single table's physical design. Infra (sst.aws.Dynamo) and the local runtime both build
 * the table from these constants, so the two cannot drift.
 */
export const TABLE_DESIGN = {
  partitionKey: 'pk',
  sortKey: 'sk',
  ttlAttribute: 'expiresAt',
  indexes: {
    /** By kind and time: events by type, pending escalations, held actions due, projects list. */
    gsi1: { partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    /** By run: everything one execution wrote, for `events of a run`. */
    gsi2: { partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  },
} as const;

export type IndexName = keyof typeof TABLE_DESIGN.indexes;
