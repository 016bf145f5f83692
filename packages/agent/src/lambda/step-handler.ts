import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import type { Context } from 'aws-lambda';
import type * as z from 'zod';
import { parseWith } from '@agentic-pm/domain';
import type { AgentContext } from '../context';
import type { Telemetry } from './telemetry';
import { RunLeaseHeld } from '../errors';
import { toStepError } from '../transient-errors';

/** Where a handler gets its telemetry and its (lazily built, reused) agent context. */
export interface ContextProvider {
  telemetry: Telemetry;
  context(): Promise<AgentContext>;
}

export type StepHandler = (event: unknown, context: Context) => Promise<unknown>;

/**
 * Builds a step's Lambda handler: validate the state input, run the step with the provider's
 * context, log with the Lambda context, flush EMF metrics. Every function in functions/ is one call to this.
 */
export const stepHandler = <S extends z.ZodType, R>(
  stateName: string,
  schema: S,
  step: (ctx: AgentContext, input: z.infer<S>) => Promise<R>,
  provider: ContextProvider,
): StepHandler => {
  const { logger, metrics } = provider.telemetry;
  const run = async (event: unknown): Promise<R> => {
    const input = parseWith(schema, event, `${stateName} input`);
    const ctx = await provider.context();
    try {
      const result = await step(ctx, input);
      logger.info(`${stateName} done`, { result: result as Record<string, unknown> });
      return result;
    } catch (error) {
      // A held lease is a normal outcome the state machine routes by name, not a failure.
      if (error instanceof RunLeaseHeld) logger.info(`${stateName}: ${error.message}`);
      else logger.error(`${stateName} failed`, error as Error);
      throw toStepError(error);
    }
  };
  return middy(run)
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics, { captureColdStartMetric: false })) as unknown as StepHandler;
};
