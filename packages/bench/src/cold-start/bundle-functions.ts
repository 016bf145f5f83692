import { mkdir, readFile, readlink, rm, symlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type BuildOptions } from 'esbuild';
import { NODEJS_BUNDLING } from '../../../../infra/function-bundling';
import { FUNCTION_SPECS } from '../../../../infra/function-specs';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** What SST's Node runtime always leaves out of a bundle (sst/sst pkg/runtime/node/build.go). */
const SST_FORCED_EXTERNALS = ['sharp', 'pg-native'];

/**
 * esbuild as SST's Node runtime builds a function for deploy (sst/sst pkg/runtime/node/build.go)
 * with the `nodejs` argument infra/functions.ts passes, read from the same module
 * (infra/function-bundling.ts): bundled, ESM, platform node, target esnext (SST's default when no
 * esbuild target is given), keepNames, main fields module then main, its createRequire/__dirname
 * banner, no source map, and as externals SST's forced ones plus the packages the Lambda runtime
 * provides (the AWS SDK), which the import timing then loads from node_modules as Lambda loads
 * them from the runtime.
 */
export const SST_BUILD_OPTIONS: BuildOptions = {
  platform: 'node',
  bundle: true,
  format: NODEJS_BUNDLING.format,
  target: 'esnext',
  mainFields: ['module', 'main'],
  keepNames: true,
  external: [...SST_FORCED_EXTERNALS, ...NODEJS_BUNDLING.esbuild.external],
  minifyWhitespace: NODEJS_BUNDLING.minify,
  minifySyntax: NODEJS_BUNDLING.minify,
  minifyIdentifiers: NODEJS_BUNDLING.minify,
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

/**
 * Bundles every function in infra/function-specs.ts into `outDir`, one `<name>.mjs` each, as deploy
 * does. `outDir/node_modules` points at the repository's, so a bundle's external imports resolve
 * wherever `outDir` is, as they resolve from the runtime's node_modules in Lambda.
 */
export const bundleFunctions = async (outDir: string): Promise<FunctionBundle[]> => {
  await mkdir(outDir, { recursive: true });
  await linkNodeModules(outDir);
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

const linkNodeModules = async (outDir: string): Promise<void> => {
  const link = join(outDir, 'node_modules');
  const target = join(REPO_ROOT, 'node_modules');
  const existing = await readlink(link).catch(() => null);
  if (existing === target) return;
  await rm(link, { recursive: true, force: true });
  await symlink(target, link, 'dir');
};

/** `node_modules/@aws-sdk/client-dynamodb/dist-es/...` -> `@aws-sdk/client-dynamodb`; our own code by package. */
const packageOf = (path: string): string => {
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (inModules?.[1] !== undefined) return inModules[1];
  const ours = /^(packages\/[^/]+|functions|infra)/.exec(path);
  return ours?.[1] ?? path;
};
