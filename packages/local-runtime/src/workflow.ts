import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ASL_PATH = fileURLToPath(new URL('../../../statemachine/agent-loop.asl.json', import.meta.url));

/** The one workflow definition, with Task resources given placeholder ARNs (local handlers replace them). */
export const loadLocalDefinition = (): Record<string, unknown> => {
  const text = readFileSync(ASL_PATH, 'utf8').replace(
    /\$\{(\w+)FunctionArn\}/g,
    (_m, name: string) => `arn:aws:lambda:us-east-1:000000000000:function:agentic-pm-local-${name}`,
  );
  return JSON.parse(text) as Record<string, unknown>;
};
