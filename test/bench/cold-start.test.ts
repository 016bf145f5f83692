import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUNCTION_KEYS, FUNCTION_SPECS } from '../../infra/function-specs';
import { bundleFunctions, measureImports, TARGETS, type FunctionBundle } from '../../packages/bench/src/index';

let dir: string;
let bundles: FunctionBundle[];
const code = new Map<string, string>();

beforeAll(async () => {
  // Outside the repository on purpose: the bundles' node_modules link must make the SDK resolve anyway.
  dir = await mkdtemp(join(tmpdir(), 'agentic-pm-bundles-'));
  bundles = await bundleFunctions(dir);
  for (const b of bundles) code.set(b.functionName, await readFile(b.file, 'utf8'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const specOf = (functionName: string) => FUNCTION_KEYS.map((key) => FUNCTION_SPECS[key]).find((spec) => basename(spec.handlerFile, '.ts') === functionName);

describe('deploy bundles', () => {
  it('keeps every function within the bundle size target', () => {
    // Act
    const over = bundles.filter((b) => b.bytes > TARGETS.bundleKb * 1024).map((b) => `${b.functionName} ${Math.round(b.bytes / 1024)} KB`);

    // Assess
    expect(bundles).toHaveLength(FUNCTION_KEYS.length);
    expect(over).toEqual([]);
  });

  it('bundles no AWS SDK code: it comes from the Lambda runtime', () => {
    // Act
    const withSdk = bundles.filter((b) => b.topInputs.some((input) => input.path.startsWith('@aws-sdk/')));

    // Assess
    expect(withSdk.map((b) => b.functionName)).toEqual([]);
  });

  it('carries only the integrations its function is linked or permitted to use', () => {
    // Act
    const uses = bundles.map((b) => {
      const text = code.get(b.functionName) ?? '';
      return {
        name: b.functionName,
        jira: text.includes('"createJiraClient"'),
        graph: text.includes('"createGraphClient"'),
        ses: text.includes('"@aws-sdk/client-sesv2"'),
        bedrock: text.includes('"@aws-sdk/client-bedrock-runtime"'),
        dynamodb: text.includes('"@aws-sdk/lib-dynamodb"'),
      };
    });

    // Assess
    expect(uses).toEqual(
      bundles.map((b) => {
        const spec = specOf(b.functionName);
        return {
          name: b.functionName,
          jira: spec?.links.includes('JiraApiToken'),
          graph: spec?.links.includes('GraphClientSecret'),
          ses: spec?.sendsEmail,
          bedrock: (spec?.bedrockModels.length ?? 0) > 0,
          dynamodb: true,
        };
      }),
    );
  });
});

describe('import timing', () => {
  it('loads the AWS SDK the bundle leaves out, as the Lambda runtime does, inside the timed import', async () => {
    // Prepare
    const modules = ['heartbeat', 'triage', 'execute-actions'].map((name) => {
      const bundle = bundles.find((b) => b.functionName === name);
      if (!bundle) throw new Error(`${name} not bundled`);
      return { name, file: bundle.file };
    });

    // Act
    const timing = await measureImports(dir, modules, { runs: 1 });

    // Assess
    expect(timing.empty.loadedPackages).toEqual([]);
    const [heartbeat, triage, executeActions] = timing.modules;
    expect(heartbeat?.loadedPackages).toEqual(expect.arrayContaining(['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb']));
    expect(heartbeat?.loadedPackages).not.toContain('@aws-sdk/client-bedrock-runtime');
    expect(triage?.loadedPackages).toEqual(expect.arrayContaining(['@aws-sdk/client-dynamodb', '@aws-sdk/client-bedrock-runtime']));
    // SES is loaded by the first mail sent, not at cold start.
    expect(executeActions?.loadedPackages).toContain('@aws-sdk/lib-dynamodb');
    expect(executeActions?.loadedPackages).not.toContain('@aws-sdk/client-sesv2');
  });
});
