import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { POWERTOOLS_ENVIRONMENT } from '../../../../infra/function-specs';
import { silentProgress, type Progress } from '../progress';
import { median } from '../stats';

export interface ImportTiming {
  name: string;
  /** Median wall time of a fresh `node` process that imports the module and exits. */
  processMs: number;
  /** Median time of the `import()` itself, measured inside that process. */
  importMs: number;
  runs: number;
  /**
   * Packages from node_modules the import loaded through require() (the AWS SDK the bundles leave
   * to the Lambda runtime): proof that the timed import did that work too.
   */
  loadedPackages: string[];
}

/** Imports the module given as argv[2], reports how long the import took and what it loaded, and exits. */
const PROBE = `const t0 = performance.now();
await import(process.argv[2]);
const importMs = performance.now() - t0;
const { createRequire } = await import('node:module');
const packages = new Set(Object.keys(createRequire(import.meta.url).cache).map((file) => /.*node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(file)?.[1]).filter((name) => name !== undefined));
process.stdout.write(JSON.stringify({ importMs, loadedPackages: [...packages].sort() }));
`;

/**
 * A Lambda-like environment without the developer's: the region and Powertools settings that
 * deployment sets, so module-level code sees what it sees in AWS, and no NODE_OPTIONS (a tsx
 * loader in the parent must not be inherited).
 */
const lambdaEnv = (name: string): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH ?? '',
  AWS_REGION: 'us-east-1',
  AWS_LAMBDA_FUNCTION_NAME: name,
  ...POWERTOOLS_ENVIRONMENT,
});

type Sample = { processMs: number; importMs: number; loadedPackages: string[] };

const runOnce = (probe: string, file: string, name: string): Promise<Sample> =>
  new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [probe, pathToFileURL(file).href], { env: lambdaEnv(name), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      const processMs = performance.now() - started;
      if (code !== 0) return reject(new Error(`importing ${file} exited with ${code}: ${err.trim().split('\n').slice(0, 3).join(' | ')}`));
      try {
        const reported = JSON.parse(out) as { importMs: number; loadedPackages: string[] };
        resolve({ processMs, importMs: reported.importMs, loadedPackages: reported.loadedPackages });
      } catch {
        reject(new Error(`importing ${file}: unreadable probe output "${out}"`));
      }
    });
  });

/**
 * Cold-start cost of each module: fresh processes of the Node binary running this benchmark
 * (Node 24, as Lambda's nodejs24.x), one module at a time, round-robin so drift on a busy
 * machine spreads evenly. One untimed warm-up round fills the file cache first. An empty module
 * goes through the same probe as the reference.
 */
export const measureImports = async (
  dir: string,
  modules: ReadonlyArray<{ name: string; file: string }>,
  options: { runs: number; progress?: Progress },
): Promise<{ empty: ImportTiming; modules: ImportTiming[] }> => {
  const probe = join(dir, 'import-probe.mjs');
  const emptyFile = join(dir, 'empty.mjs');
  await writeFile(probe, PROBE, 'utf8');
  await writeFile(emptyFile, '', 'utf8');
  const all = [{ name: '(empty module)', file: emptyFile }, ...modules];
  const samples = new Map(all.map((m) => [m.name, [] as Sample[]]));
  const progress = options.progress ?? silentProgress;
  const total = (options.runs + 1) * all.length;
  let done = 0;
  for (let round = 0; round <= options.runs; round++) {
    for (const m of all) {
      const sample = await runOnce(probe, m.file, m.name);
      if (round > 0) samples.get(m.name)?.push(sample);
      progress.update(++done, total);
    }
  }
  const timing = (name: string): ImportTiming => {
    const s = samples.get(name) ?? [];
    return { name, processMs: median(s.map((x) => x.processMs)), importMs: median(s.map((x) => x.importMs)), runs: s.length, loadedPackages: s[0]?.loadedPackages ?? [] };
  };
  progress.finish(`${all.length} modules x ${options.runs} fresh processes`);
  return { empty: timing('(empty module)'), modules: modules.map((m) => timing(m.name)) };
};
