import { mkdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type BuildOptions } from 'esbuild';
import { FUNCTION_SPECS } from '../../../../infra/function-specs';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * esbuild as SST's Node runtime builds a function for deploy (sst/sst pkg/runtime/node/build.go)
 * with what infra/functions.ts sets (`nodejs: { format: 'esm', minify: true }`, nothing else):
 * bundled, ESM, platform node, target esnext (SST's default when no esbuild target is given),
 * keepNames, main fields module then main, its createRequire/__dirname banner, no source map,
 * and only its forced externals (sharp, pg-native). The AWS SDK is bundled, not external.
 */
export const SST_BUILD_OPTIONS: BuildOptions = {
  platform: 'node',
  bundle: true,
  format: 'esm',
  target: 'esnext',
  mainFields: ['module', 'main'],
  keepNames: true,
  external: ['sharp', 'pg-native'],
  minifyWhitespace: true,
  minifySyntax: true,
  minifyIdentifiers: true,
  sourcemap: false,
  metafile: true,
  logLevel: 'silent',
  banner: {
    js: [
      `import { createRequire as topLevelCreateRequire } from 'module';`,
      `const require = topLevelCreateRequire(import.meta.url);`,
      `import { fileURLToPath as topLevelFileUrlToPath, URL as topLevelURL } from "url"`,
      `const __filename = topLevelFileUrlToPath(import.meta.url)`,
      `const __dirname = topLevelFileUrlToPath(new topLevelURL(".", import.meta.url))`,
    ].join('\n'),
  },
};

export interface FunctionBundle {
  functionName: string;
  file: string;
  bytes: number;
  /** Roughly what the deployment zip holds for it. */
  gzipBytes: number;
  /** The biggest inputs by bytes in the output, to see what a bundle is made of. */
  topInputs: Array<{ path: string; bytes: number }>;
}

/** Bundles every function in infra/function-specs.ts into `outDir`, one `<name>.mjs` each, as deploy does. */
export const bundleFunctions = async (outDir: string): Promise<FunctionBundle[]> => {
  await mkdir(outDir, { recursive: true });
  return Promise.all(
    Object.values(FUNCTION_SPECS).map(async (spec) => {
      const functionName = basename(spec.handlerFile, '.ts');
      const file = join(outDir, `${functionName}.mjs`);
      const result = await build({ ...SST_BUILD_OPTIONS, entryPoints: [join(REPO_ROOT, spec.handlerFile)], outfile: file, absWorkingDir: REPO_ROOT });
      const code = await readFile(file);
      const output = Object.values(result.metafile?.outputs ?? {})[0];
      const topInputs = Object.entries(output?.inputs ?? {})
        .map(([path, { bytesInOutput }]) => ({ path: packageOf(path), bytes: bytesInOutput }))
        .reduce<Array<{ path: string; bytes: number }>>((acc, input) => {
          const same = acc.find((a) => a.path === input.path);
          if (same) same.bytes += input.bytes;
          else acc.push({ ...input });
          return acc;
        }, [])
        .sort((a, b) => b.bytes - a.bytes)
        .slice(0, 5);
      return { functionName, file, bytes: code.byteLength, gzipBytes: gzipSync(code).byteLength, topInputs };
    }),
  );
};

/** `node_modules/@aws-sdk/client-dynamodb/dist-es/...` -> `@aws-sdk/client-dynamodb`; our own code by package. */
const packageOf = (path: string): string => {
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (inModules?.[1] !== undefined) return inModules[1];
  const ours = /^(packages\/[^/]+|functions|infra)/.exec(path);
  return ours?.[1] ?? path;
};
