import { itemSizeBytes, MAX_ITEM_BYTES } from './item-limits';

/** Caps tried in turn: characters per string, elements per list. */
const STEPS: ReadonlyArray<[maxChars: number, maxItems: number]> = [[16_000, 500], [4_000, 100], [1_000, 20], [200, 5], [40, 1]];

const TRUNCATED = '… [truncated]';

const cap = (value: unknown, maxChars: number, maxItems: number): unknown => {
  if (typeof value === 'string') return value.length > maxChars ? `${value.slice(0, maxChars)}${TRUNCATED}` : value;
  if (Array.isArray(value)) return value.slice(0, maxItems).map((v) => cap(v, maxChars, maxItems));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cap(v, maxChars, maxItems)]));
  return value;
};

/**
 * `item` as it is when it fits in a DynamoDB item, else with the strings and lists under `field`
 * cut until it does (long texts first, then long lists). For data from outside that must be
 * stored to move on: one oversized message or issue must not fail every later poll. Returns
 * whether anything was cut.
 */
export const shrinkToFit = <T extends Record<string, unknown>>(item: T, field: keyof T & string, limit = MAX_ITEM_BYTES): { item: T; truncated: boolean } => {
  if (itemSizeBytes(item) <= limit) return { item, truncated: false };
  for (const [maxChars, maxItems] of STEPS) {
    const smaller = { ...item, [field]: cap(item[field], maxChars, maxItems) };
    if (itemSizeBytes(smaller) <= limit) return { item: smaller, truncated: true };
  }
  return { item: { ...item, [field]: null }, truncated: true };
};
