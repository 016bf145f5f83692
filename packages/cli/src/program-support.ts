import { InvalidArgumentError } from 'commander';
import { ValidationError } from '@agentic-pm/domain';

/** A commander option parser for integers within bounds, with an error that names them. */
export const integerIn =
  (min: number, max = Number.MAX_SAFE_INTEGER) =>
  (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(max === Number.MAX_SAFE_INTEGER ? `must be an integer of at least ${min}` : `must be an integer from ${min} to ${max}`);
    }
    return n;
  };

/**
 * Runs a command-line entry point: bad input prints each problem with its JSON path and exits 2;
 * anything else prints the error and exits 1. Every tool here (run, bench, eval) reports the same way.
 */
export const runEntryPoint = async (name: string, main: () => Promise<void>, hint: (error: Error) => string = () => ''): Promise<void> => {
  try {
    await main();
  } catch (error) {
    if (error instanceof ValidationError) {
      console.error(`Invalid input in ${error.source}:`);
      for (const issue of error.issues) console.error(`  ${issue.path}: ${issue.message}`);
      process.exitCode = 2;
    } else {
      const e = error instanceof Error ? error : new Error(String(error));
      console.error(`${name} failed: ${e.stack ?? `${e.name}: ${e.message}`}${hint(e)}`);
      process.exitCode = 1;
    }
  }
};
