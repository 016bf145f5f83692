/**
 * DynamoDB's hard limits on one item. A write past them fails the whole batch with a bare
 * ValidationException, so callers that take data from outside check first and name the culprit.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html
 */
export const MAX_ITEM_BYTES = 400 * 1024;
export const MAX_PARTITION_KEY_BYTES = 2048;
export const MAX_SORT_KEY_BYTES = 1024;

const KEY_ATTRIBUTES: ReadonlyArray<[name: string, maxBytes: number]> = [
  ['pk', MAX_PARTITION_KEY_BYTES], ['sk', MAX_SORT_KEY_BYTES],
  ['gsi1pk', MAX_PARTITION_KEY_BYTES], ['gsi1sk', MAX_SORT_KEY_BYTES],
  ['gsi2pk', MAX_PARTITION_KEY_BYTES], ['gsi2sk', MAX_SORT_KEY_BYTES],
];

/**
 * DynamoDB's item size, by its documented rules (attribute names count; strings and binaries by
 * bytes; numbers by about one byte per two significant digits plus one; lists and maps 3 bytes
 * plus one per element).
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html
 */
export const itemSizeBytes = (item: Readonly<Record<string, unknown>>): number =>
  Object.entries(item).reduce((sum, [name, value]) => (value === undefined ? sum : sum + Buffer.byteLength(name) + valueSize(value)), 0);

const valueSize = (value: unknown): number => {
  if (typeof value === 'string') return Buffer.byteLength(value);
  if (typeof value === 'number' || typeof value === 'bigint') return Math.ceil(String(value).replace(/^-|\.|e.*$/g, '').replace(/^0+/, '').length / 2) + 1;
  if (typeof value === 'boolean' || value === null) return 1;
  if (value instanceof Uint8Array) return value.byteLength;
  if (value instanceof Set) return [...value].reduce((sum: number, v) => sum + valueSize(v), 0);
  if (Array.isArray(value)) return 3 + value.reduce((sum: number, v) => sum + 1 + valueSize(v), 0);
  if (typeof value === 'object') return 3 + Object.entries(value).reduce((sum, [k, v]) => (v === undefined ? sum : sum + 1 + Buffer.byteLength(k) + valueSize(v)), 0);
  return 0;
};

/** What would make DynamoDB refuse `item`, in words: a key or the whole item over its limit, naming the largest attribute. */
export const itemLimitProblems = (item: Readonly<Record<string, unknown>>): string[] => {
  const problems: string[] = [];
  for (const [name, maxBytes] of KEY_ATTRIBUTES) {
    const value = item[name];
    const bytes = typeof value === 'string' ? Buffer.byteLength(value) : 0;
    if (bytes > maxBytes) problems.push(`its key ${name} would be ${bytes} bytes, over DynamoDB's ${maxBytes}-byte key limit`);
  }
  const size = itemSizeBytes(item);
  if (size > MAX_ITEM_BYTES) {
    const [largest] = Object.entries(item)
      .map(([name, value]) => ({ name, bytes: Buffer.byteLength(name) + valueSize(value) }))
      .sort((a, b) => b.bytes - a.bytes);
    problems.push(`the item would be ${size} bytes, over DynamoDB's ${MAX_ITEM_BYTES}-byte item limit (largest attribute: ${largest?.name ?? '?'}, ${largest?.bytes ?? 0} bytes)`);
  }
  return problems;
};
