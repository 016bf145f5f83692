/**
 * How every function is bundled: the `nodejs` argument of each sst.aws.Function, and what the
 * benchmark's bundler (packages/bench/src/cold-start) copies, so the two cannot drift.
 */

/**
 * Packages the Lambda Node.js runtime ships (the AWS SDK for JavaScript v3): left out of the
 * bundle and loaded from the runtime at init. See infra/README.md, "Bundling", for why it is safe.
 */
export const RUNTIME_PROVIDED_PACKAGES: readonly string[] = ['@aws-sdk/*'];

export interface NodejsBundling {
  readonly format: 'esm';
  readonly minify: boolean;
  readonly esbuild: { readonly external: string[] };
}

export const NODEJS_BUNDLING: NodejsBundling = {
  format: 'esm',
  minify: true,
  esbuild: { external: [...RUNTIME_PROVIDED_PACKAGES] },
};
