import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { FUNCTION_KEYS, FUNCTION_SPECS, placeholderFor } from '../../infra/function-specs';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const ASL_TEXT = readFileSync(new URL('../../statemachine/agent-loop.asl.json', import.meta.url), 'utf8');

export const ACCOUNT = '123456789012';
export const REGION = 'eu-west-2';

export const fakeFunctionArn = (componentName: string) =>
  `arn:aws:lambda:${REGION}:${ACCOUNT}:function:agentic-pm-production-${componentName}-a1b2c3`;

/** What infra passes to the substitution: one ARN per function spec, keyed by its placeholder. */
export const fakeArnsByPlaceholder = (): Record<string, string> =>
  Object.fromEntries(
    FUNCTION_KEYS.map((key) => [placeholderFor(FUNCTION_SPECS[key]), fakeFunctionArn(FUNCTION_SPECS[key].componentName)]),
  );

type AslValidator = (
  definition: unknown,
  options?: { checkPaths?: boolean; checkArn?: boolean },
) => { isValid: boolean; errorsText: (separator?: string) => string };

/** asl-validator is CommonJS without types; load it with a local signature. */
export const validateAsl: AslValidator = createRequire(import.meta.url)('asl-validator') as AslValidator;
