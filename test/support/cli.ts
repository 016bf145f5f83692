import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'node_modules/.bin');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI the way `npm start` does, with the project's Node 24 first on the PATH. */
export const cli = (args: string[], timeoutMs = 60_000): Promise<CliResult> =>
  new Promise((resolvePromise) => {
    execFile(
      join(BIN, 'tsx'), ['packages/cli/src/main.ts', ...args],
      { cwd: ROOT, env: { ...process.env, PATH: `${BIN}:${process.env.PATH ?? ''}`, NO_COLOR: '1' }, timeout: timeoutMs },
      (error, stdout, stderr) => resolvePromise({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
  });
