import type * as z from 'zod';
import { ValidationError } from './errors';

/** Formats a zod issue path as a JSON path: `$.projects[0].id`. */
export const toJsonPath = (path: ReadonlyArray<PropertyKey>): string =>
  path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : `${acc}.${String(key)}`), '$');

/** Parses with a zod schema, throwing a ValidationError that names the source and each JSON path. */
export const parseWith = <S extends z.ZodType>(schema: S, value: unknown, source: string): z.infer<S> => {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ValidationError(
    source,
    result.error.issues.map((issue) => ({ path: toJsonPath(issue.path), message: issue.message })),
  );
};
