import type * as z from 'zod';
import { toJsonPath } from '@agentic-pm/domain';

export type ToolInputCheck<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/** Enough to repair from; more only bloats the repair turn. */
const MAX_PROBLEMS = 12;

/**
 * Validates a tool input against its schema. Problems name JSON paths and rules, never the
 * offending values, so they are safe to log and to hand back to the model.
 */
export const checkToolInput = <T>(schema: z.ZodType<T>, input: unknown): ToolInputCheck<T> => {
  let candidate = input;
  // Models occasionally send the whole input as a JSON string rather than an object.
  if (typeof input === 'string') {
    try {
      candidate = JSON.parse(input);
    } catch {
      return { ok: false, problems: ['$: the tool input is not valid JSON'] };
    }
  }
  const result = schema.safeParse(candidate);
  if (result.success) return { ok: true, value: result.data };
  const problems = result.error.issues.map((issue) => `${toJsonPath(issue.path)}: ${issue.message}`);
  return {
    ok: false,
    problems: problems.length > MAX_PROBLEMS ? [...problems.slice(0, MAX_PROBLEMS), `... and ${problems.length - MAX_PROBLEMS} more`] : problems,
  };
};
