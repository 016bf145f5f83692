import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** Modules tests and the main tsconfig load without SST's platform types. */
const PURE_MODULES = [
  'alarm-definitions.ts',
  'asl-substitution.ts',
  'deploy-config.ts',
  'function-bundling.ts',
  'function-specs.ts',
  'iam-policies.ts',
  'schedule-definition.ts',
];

const SST_GLOBAL = /(\$app|\$dev|\$resolve|\$interpolate|\$util|\$jsonStringify|\$config|\bsst\.(aws|Linkable|Secret)\b|(?<![<\w.-])aws\.[a-z]+\.)/;

const withoutComments = (source: string) => source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

describe('pure infra modules', () => {
  it.each(PURE_MODULES)('%s uses no SST or Pulumi globals', (file) => {
    // Prepare
    const source = withoutComments(readFileSync(new URL(`../../infra/${file}`, import.meta.url), 'utf8'));

    // Act
    const match = SST_GLOBAL.exec(source);

    // Assess
    expect(match?.[0]).toBeUndefined();
  });
});
