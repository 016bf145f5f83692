import fc from 'fast-check';
import { expect } from 'vitest';
import { ValidationError } from '@agentic-pm/domain';

/** One seed for every bad-input property, so a CI failure replays exactly. */
export const SEED = 424_242;

/** A value of the wrong type for almost any field: each JSON kind, edge numbers and a string past any limit. */
export const wrongValue = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double(),
    fc.constantFrom(-1, 0, 1e308, -0, 2 ** 53 + 1),
    fc.string({ maxLength: 20 }),
    fc.constantFrom('', ' ', '\u0000', '2026-13-45T99:99:99Z', 'NaN', '🙂'.repeat(3)),
    fc.constant('x'.repeat(450_000)),
    fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
  );

/** A JSON path into `value`, leading to any array element or object field (the root included). */
export const pathsOf = (value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> => {
  const here = [prefix];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => pathsOf(v, [...prefix, i]))];
  if (value !== null && typeof value === 'object') return [...here, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...prefix, k]))];
  return here;
};

export type Mutation = { kind: 'set'; path: Array<string | number>; value: unknown } | { kind: 'delete'; path: Array<string | number> };

/** A copy of `value` with one field replaced or removed. */
export const mutate = (value: unknown, mutation: Mutation): unknown => {
  const copy = structuredClone(value);
  if (mutation.path.length === 0) return mutation.kind === 'set' ? mutation.value : undefined;
  const parent = mutation.path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], copy) as Record<string | number, unknown>;
  const last = mutation.path.at(-1)!;
  if (mutation.kind === 'set') parent[last] = mutation.value;
  else if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else delete parent[last];
  return copy;
};

/** One mutation of one field of `base`: set to a wrong value, or removed. */
export const mutationOf = (base: unknown): fc.Arbitrary<Mutation> => {
  const paths = pathsOf(base).filter((p) => p.length > 0);
  return fc.oneof(
    fc.record({ kind: fc.constant('set' as const), path: fc.constantFrom(...paths), value: wrongValue() }),
    fc.record({ kind: fc.constant('delete' as const), path: fc.constantFrom(...paths) }),
  );
};

/** The error `work` threw, or undefined when it returned. */
export const thrownBy = async (work: () => unknown): Promise<unknown> => {
  try {
    await work();
    return undefined;
  } catch (error) {
    return error;
  }
};

/** A ValidationError whose message starts with `source` and a JSON path, each issue with a reason. */
export const expectNamedProblem = (error: unknown, source: string): void => {
  expect(error).toBeInstanceOf(ValidationError);
  const { issues, message } = error as ValidationError;
  expect(message.startsWith(`${source}: $`)).toBe(true);
  expect(issues.length).toBeGreaterThan(0);
  for (const issue of issues) {
    expect(issue.path).toMatch(/^\$/);
    expect(issue.message.trim()).not.toBe('');
  }
};

