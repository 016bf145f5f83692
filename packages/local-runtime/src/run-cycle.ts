import { randomUUID } from 'node:crypto';
import { StateMachine } from 'aws-local-stepfunctions';
import type { ContextProvider } from '@agentic-pm/agent/lambda';
import { localTaskHandlers, TASK_HANDLERS, type HandlerWrapper, type Invocation } from './local-handlers';
import { loadLocalDefinition } from './workflow';

export type CycleStatus = 'SUCCEEDED' | 'FAILED' | 'SKIPPED';

export interface StateProgress {
  name: string;
  type: string;
  durationMs: number;
  output?: unknown;
  error?: string;
}

export interface CycleResult {
  executionName: string;
  at: string;
  status: CycleStatus;
  stateTransitions: number;
  output: Record<string, unknown> | null;
  error?: { error: string; cause: string };
  invocations: Invocation[];
  wallMs: number;
}

const definition = loadLocalDefinition();
const stateMachine = new StateMachine(definition as never);
// Retries keep their shape but not their waits: a local run should not sleep for backoff.
const retryIntervalOverrides = Object.fromEntries(Object.keys(TASK_HANDLERS).map((name) => [name, 10]));

/** Execution names are unique, as in AWS, and start with the scheduled time for a reader. */
export const executionNameFor = (at: string): string => `run-${at.replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}`;

/** Runs one execution of the workflow through aws-local-stepfunctions with the in-process handlers. */
export const runCycle = async (
  provider: ContextProvider,
  at: string,
  onState: (progress: StateProgress) => void = () => undefined,
  executionName: string = executionNameFor(at),
  wrap?: HandlerWrapper,
): Promise<CycleResult> => {
  const invocations: Invocation[] = [];
  const started = performance.now();
  const input = { scheduledTime: at };
  const execution = stateMachine.run(input, {
    overrides: { taskResourceLocalHandlers: localTaskHandlers(provider, (i) => invocations.push(i), wrap), retryIntervalOverrides },
    context: { Execution: { Id: `arn:aws:states:local:000000000000:execution:agent-loop:${executionName}`, Name: executionName, Input: input, StartTime: at } },
    noThrowOnAbort: true,
  });
  let transitions = 0;
  const entered = new Map<string, number>();
  // A caught failure is followed by an exit event for the same state; report the failure only.
  const failed = new Set<string>();
  const watch = (async () => {
    for await (const event of execution.eventLogs) {
      if (event.type === 'StateEntered') {
        transitions++;
        entered.set(event.state.name, event.timestamp);
      } else if (event.type === 'StateFailed') {
        failed.add(event.state.name);
        onState({ name: event.state.name, type: event.state.type, durationMs: event.timestamp - (entered.get(event.state.name) ?? event.timestamp), error: `${event.Error}: ${String(event.Cause)}` });
      } else if (event.type === 'StateExited' && !failed.delete(event.state.name)) {
        const since = entered.get(event.state.name) ?? event.timestamp;
        onState({ name: event.state.name, type: event.state.type, durationMs: event.timestamp - since, output: event.state.output });
      }
    }
  })();
  let output: Record<string, unknown> | null = null;
  let error: CycleResult['error'];
  try {
    output = (await execution.result) as Record<string, unknown>;
  } catch (e) {
    // The library wraps the Fail state's Error/Cause in an ExecutionError; report the original.
    const err = e as Error & { cause?: unknown };
    const failure = err.cause instanceof Error ? err.cause : err;
    error = { error: failure.name, cause: failure.message };
  }
  await watch.catch(() => undefined);
  const status: CycleStatus = error ? 'FAILED' : output?.outcome === 'SKIPPED' ? 'SKIPPED' : 'SUCCEEDED';
  return { executionName, at, status, stateTransitions: transitions, output, ...(error ? { error } : {}), invocations, wallMs: performance.now() - started };
};
