import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import type { ContextProvider, StepHandler } from '@agentic-pm/agent/lambda';
import * as executeActions from '../../../functions/execute-actions';
import * as finishRun from '../../../functions/finish-run';
import * as heartbeat from '../../../functions/heartbeat';
import * as housekeeping from '../../../functions/housekeeping';
import * as normaliseSignals from '../../../functions/normalise-signals';
import * as pollJira from '../../../functions/poll-jira';
import * as pollOutlook from '../../../functions/poll-outlook';
import * as processHoldQueue from '../../../functions/process-hold-queue';
import * as reasoning from '../../../functions/reasoning';
import * as triage from '../../../functions/triage';
import * as updateArtefacts from '../../../functions/update-artefacts';

type HandlerModule = { createHandler(provider: ContextProvider): StepHandler };

/** Task state name -> the Lambda handler module deployed for it (the same files infra bundles). */
export const TASK_HANDLERS: Record<string, { module: HandlerModule; functionName: string; memoryMb: number }> = {
  Heartbeat: { module: heartbeat, functionName: 'heartbeat', memoryMb: 128 },
  'Poll Jira': { module: pollJira, functionName: 'poll-jira', memoryMb: 256 },
  'Poll Outlook': { module: pollOutlook, functionName: 'poll-outlook', memoryMb: 256 },
  'Normalise Signals': { module: normaliseSignals, functionName: 'normalise-signals', memoryMb: 256 },
  Triage: { module: triage, functionName: 'triage', memoryMb: 512 },
  Reasoning: { module: reasoning, functionName: 'reasoning', memoryMb: 512 },
  'Execute Actions': { module: executeActions, functionName: 'execute-actions', memoryMb: 256 },
  'Update Artefacts': { module: updateArtefacts, functionName: 'update-artefacts', memoryMb: 512 },
  'Process Hold Queue': { module: processHoldQueue, functionName: 'process-hold-queue', memoryMb: 256 },
  Housekeeping: { module: housekeeping, functionName: 'housekeeping', memoryMb: 256 },
  'Finish Run': { module: finishRun, functionName: 'finish-run', memoryMb: 128 },
  'Record Failure': { module: finishRun, functionName: 'finish-run', memoryMb: 128 },
};

/** A Lambda context object good enough for Powertools and middy. */
const lambdaContext = (functionName: string, memoryMb: number): Context => ({
  callbackWaitsForEmptyEventLoop: false,
  functionName: `agentic-pm-local-${functionName}`,
  functionVersion: '$LATEST',
  invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:agentic-pm-local-${functionName}`,
  memoryLimitInMB: String(memoryMb),
  awsRequestId: randomUUID(),
  logGroupName: `/aws/lambda/agentic-pm-local-${functionName}`,
  logStreamName: 'local',
  getRemainingTimeInMillis: () => 60_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
});

export type Invocation = { state: string; functionName: string; memoryMb: number; durationMs: number; ok: boolean };

export type LocalHandler = (input: unknown) => Promise<unknown>;
/** Decorates a state's handler, e.g. to crash it before or after its side effects. */
export type HandlerWrapper = (state: string, handler: LocalHandler) => LocalHandler;

/** Local handlers for aws-local-stepfunctions, each reporting its invocation (for counts and GB-seconds). */
export const localTaskHandlers = (provider: ContextProvider, onInvoke: (invocation: Invocation) => void, wrap: HandlerWrapper = (_s, h) => h) =>
  Object.fromEntries(
    Object.entries(TASK_HANDLERS).map(([state, { module, functionName, memoryMb }]) => {
      const handler = module.createHandler(provider);
      const invoke = wrap(state, (input) => handler(input, lambdaContext(functionName, memoryMb)));
      return [
        state,
        async (input: unknown) => {
          const started = performance.now();
          let ok = false;
          try {
            const result = await invoke(input);
            ok = true;
            return result as never;
          } finally {
            onInvoke({ state, functionName, memoryMb, durationMs: performance.now() - started, ok });
          }
        },
      ];
    }),
  );
