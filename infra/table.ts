import { TABLE_DESIGN } from '../packages/storage/src/table-design';

/**
 * The single table, built from the storage package's design so infra and the local runtime
 * cannot drift. On-demand billing (SST's default), point-in-time recovery, TTL on `expiresAt`.
 * Production keeps it: deletion protection here, `removal: retain` in sst.config.ts.
 */
export function createTable() {
  const { partitionKey, sortKey, ttlAttribute, indexes } = TABLE_DESIGN;
  const fields: Record<string, 'string'> = { [partitionKey]: 'string', [sortKey]: 'string' };
  for (const index of Object.values(indexes)) {
    fields[index.partitionKey] = 'string';
    fields[index.sortKey] = 'string';
  }
  return new sst.aws.Dynamo('AgentTable', {
    fields,
    primaryIndex: { hashKey: partitionKey, rangeKey: sortKey },
    globalIndexes: Object.fromEntries(
      Object.entries(indexes).map(([name, index]) => [
        name,
        { hashKey: index.partitionKey, rangeKey: index.sortKey, projection: 'all' as const },
      ]),
    ),
    ttl: ttlAttribute,
    deletionProtection: $app.stage === 'production',
    transform: {
      table: (args) => {
        // SST enables it today; stated here so a default change cannot turn backups off.
        args.pointInTimeRecovery = { enabled: true };
      },
    },
  });
}
