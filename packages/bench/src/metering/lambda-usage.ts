import type { Invocation } from '@agentic-pm/local-runtime';
import { FUNCTION_SPECS } from '../../../../infra/function-specs';

export interface FunctionUsage {
  functionName: string;
  /** Configured memory, from infra/function-specs.ts (what deployment sets). */
  memoryMb: number;
  invocations: number;
  /** Duration as Lambda bills it: each invocation rounded up to the millisecond. */
  billedMs: number;
  /** memoryMb x billedMs, summed: GB-seconds are this / (1024 * 1000). */
  mbMs: number;
}

/** Invocations and billed duration per function, in deployment order. */
export const lambdaUsage = (invocations: readonly Invocation[]): FunctionUsage[] => {
  const byFunction = new Map<string, FunctionUsage>();
  for (const spec of Object.values(FUNCTION_SPECS)) {
    const name = spec.handlerFile.replace(/^functions\/|\.ts$/g, '');
    byFunction.set(name, { functionName: name, memoryMb: spec.memoryMb, invocations: 0, billedMs: 0, mbMs: 0 });
  }
  for (const invocation of invocations) {
    const usage = byFunction.get(invocation.functionName);
    if (usage === undefined) throw new Error(`no function spec for "${invocation.functionName}" in infra/function-specs.ts`);
    const billed = Math.max(1, Math.ceil(invocation.durationMs));
    usage.invocations += 1;
    usage.billedMs += billed;
    usage.mbMs += billed * usage.memoryMb;
  }
  return [...byFunction.values()];
};

export const MB_MS_PER_GB_SECOND = 1024 * 1000;
