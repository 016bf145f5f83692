/** Splits items into consecutive batches of at most `size`. */
export const chunk = <T>(items: readonly T[], size: number): T[][] => {
  if (!Number.isInteger(size) || size < 1) throw new Error(`batch size must be a positive integer, got ${size}`);
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  return batches;
};

/**
 * Short per-call references (S1, S2, ...) stand in for signal ids in prompts: real ids can be
 * long (Graph message ids run past 100 characters, tokens the model must copy exactly) and may
 * carry sender-controlled text. Answers are matched back through the same map.
 */
export const refsFor = <T extends { id: string }>(items: readonly T[]): Map<string, T> =>
  new Map(items.map((item, i) => [`S${i + 1}`, item]));

/** Problems with the refs an answer used: each expected ref exactly once, nothing else. Never echoes a wrong id. */
export const refProblems = (got: readonly string[], expected: ReadonlySet<string>): string[] => {
  const seen = new Set<string>();
  const duplicate = new Set<string>();
  let unknown = 0;
  for (const ref of got) {
    if (!expected.has(ref)) unknown += 1;
    else if (seen.has(ref)) duplicate.add(ref);
    seen.add(ref);
  }
  const missing = [...expected].filter((ref) => !seen.has(ref));
  return [
    ...(missing.length > 0 ? [`missing entries for ${missing.join(', ')}`] : []),
    ...(unknown > 0 ? [`${unknown} entries with an id that is not a given ref (use only ${[...expected].join(', ')})`] : []),
    ...(duplicate.size > 0 ? [`more than one entry for ${[...duplicate].join(', ')}`] : []),
  ];
};

export const assertUniqueIds = (items: ReadonlyArray<{ id: string }>, what: string): void => {
  const seen = new Set<string>();
  for (const { id } of items) {
    if (seen.has(id)) throw new Error(`${what}: duplicate id "${id}"`);
    seen.add(id);
  }
};
