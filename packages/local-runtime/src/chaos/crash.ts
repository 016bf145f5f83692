import { TransientError } from '@agentic-pm/agent';
import type { HandlerWrapper, LocalHandler } from '../local-handlers';

export type CrashPoint = 'before' | 'after';

/**
 * The handler as it behaves when its Lambda dies: before its work, or after the work and its side
 * effects but before it answers. Step Functions sees an error and retries the state, as in AWS.
 */
export const crashing = (state: string, point: CrashPoint, handler: LocalHandler): LocalHandler => async (input) => {
  if (point === 'before') throw new TransientError(`simulated crash before ${state}`);
  await handler(input);
  throw new TransientError(`simulated crash after ${state}`);
};

/** Crashes `target` once, before or after its work; `state.fired` says whether it happened. */
export const crashOnce = (target: string, point: CrashPoint): { wrap: HandlerWrapper; state: { fired: boolean } } => {
  const state = { fired: false };
  const wrap: HandlerWrapper = (name, handler) => async (input) => {
    if (name !== target || state.fired) return handler(input);
    state.fired = true;
    return crashing(name, point, handler)(input);
  };
  return { wrap, state };
};
