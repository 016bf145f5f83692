import { AsyncLocalStorage } from 'node:async_hooks';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { modelTimeout, throttled, type Brain, type FiredFault, type GraphSandboxFaults, type SandboxFaults } from '@agentic-pm/sandboxes';
import type { HandlerWrapper } from '../local-handlers';
import type { ChaosPlan, PlannedFault } from './chaos-spec';
import { crashing } from './crash';
import { addDynamoDbFaults, conditionFailure, hasCondition, throughputExceeded } from './dynamodb-faults';
import { targetOf, type FaultName } from './fault-catalog';

/** One time a planned fault fired: in which cycle, and which Task state(s) were running. */
export interface FaultFiring {
  cycle: number;
  state: string | null;
}

/** A planned fault and what it did; the report's `faults` section. */
export interface FaultOutcome {
  token: string;
  fault: FaultName;
  planned: { count: number; cycle: number; step?: string; operation?: string };
  fired: number;
  firings: FaultFiring[];
}

/** What the model says instead of the tool call: prose with half a JSON object, as a confused model might. */
const MALFORMED_REPLY = [{ text: 'Here is my analysis: {"signals": [ {"id": "' }];

/**
 * Carries out a chaos plan. Each fault has a window, its cycle (and step, if named), and fires at
 * most its count within it. Sandbox faults are armed on the sandboxes' own fault schedules while
 * their window is open and counted as the sandboxes serve them; Bedrock, DynamoDB and Lambda
 * faults are served here, at the Converse brain, the DynamoDB client and the handler boundary.
 */
export class ChaosInjector {
  readonly #plan: ChaosPlan;
  readonly #firings = new Map<PlannedFault, FaultFiring[]>();
  /** Task states running now, with how many invocations of each (Step Functions may overlap retries). */
  readonly #running = new Map<string, number>();
  /** The Task state a DynamoDB call is made from, followed through async calls. */
  readonly #stateOfCall = new AsyncLocalStorage<string>();
  #cycle = 0;
  #jira: SandboxFaults | undefined;
  #graph: GraphSandboxFaults | undefined;

  constructor(plan: ChaosPlan) {
    this.#plan = plan;
    for (const f of plan) this.#firings.set(f, []);
  }

  /** Arms the sandboxes' schedules for this plan and counts what they serve. */
  attachSandboxes(jira: SandboxFaults, graph: GraphSandboxFaults): void {
    this.#jira = jira;
    this.#graph = graph;
    jira.observe((fault) => this.#servedBySandbox('jira', fault));
    graph.observe((fault) => this.#servedBySandbox('graph', fault));
  }

  /** The Converse stand-in, answering faults in place of `inner` while a Bedrock fault is open. */
  brain(inner: Brain): Brain {
    return (request) => {
      const fault = this.#take((f) => targetOf(f.fault) === 'bedrock');
      switch (fault?.fault) {
        case 'bedrock:throttle': return throttled();
        case 'bedrock:timeout': return modelTimeout();
        case 'bedrock:malformed': return MALFORMED_REPLY;
        default: return inner(request);
      }
    };
  }

  /** Makes the agent's DynamoDB client fail while a DynamoDB fault is open. */
  attachDynamoDb(doc: DynamoDBDocumentClient): void {
    addDynamoDbFaults(doc, (operation, input) => {
      const state = this.#stateOfCall.getStore();
      const fault = this.#take(
        (f) =>
          targetOf(f.fault) === 'dynamodb' &&
          (f.operation ? f.operation === operation : true) &&
          (f.fault === 'dynamodb:conditional' ? hasCondition(operation, input) : true),
        state,
      );
      if (!fault) return null;
      return fault.fault === 'dynamodb:conditional' ? conditionFailure(operation, input) : throughputExceeded();
    });
  }

  /** Wraps each Task state's handler: tracks which states run, and crashes those a lambda fault names. */
  readonly wrap: HandlerWrapper = (state, handler) => async (input) => {
    this.#running.set(state, (this.#running.get(state) ?? 0) + 1);
    this.#arm();
    try {
      const crash = this.#take((f) => targetOf(f.fault) === 'lambda', state);
      const invoke = crash ? crashing(state, crash.fault === 'lambda:crash-before' ? 'before' : 'after', handler) : handler;
      return await this.#stateOfCall.run(state, () => invoke(input));
    } finally {
      const left = (this.#running.get(state) ?? 1) - 1;
      if (left > 0) this.#running.set(state, left);
      else this.#running.delete(state);
      this.#arm();
    }
  };

  beginCycle(k: number): void {
    this.#cycle = k;
    this.#arm();
  }

  endCycle(): void {
    this.#cycle = 0;
    this.#arm();
  }

  report(): FaultOutcome[] {
    return this.#plan.map((f) => {
      const firings = this.#firings.get(f) ?? [];
      return {
        token: f.token, fault: f.fault,
        planned: { count: f.count, cycle: f.cycle, ...(f.step ? { step: f.step } : {}), ...(f.operation ? { operation: f.operation } : {}) },
        fired: firings.length, firings: [...firings],
      };
    });
  }

  #remaining(f: PlannedFault): number {
    return f.count - (this.#firings.get(f)?.length ?? 0);
  }

  /** Open: its cycle is running, its step (if any) is running, and it has firings left. */
  #isOpen(f: PlannedFault, state?: string): boolean {
    if (f.cycle !== this.#cycle || this.#remaining(f) <= 0) return false;
    if (!f.state) return true;
    return state !== undefined ? state === f.state : this.#running.has(f.state);
  }

  /** The first open fault `matches` accepts, recorded as fired. */
  #take(matches: (f: PlannedFault) => boolean, state?: string): PlannedFault | undefined {
    const fault = this.#plan.find((f) => matches(f) && this.#isOpen(f, state));
    if (fault) this.#record(fault, state);
    return fault;
  }

  #record(f: PlannedFault, state?: string): void {
    this.#firings.get(f)?.push({ cycle: this.#cycle, state: state ?? ([...this.#running.keys()].sort().join(' + ') || null) });
  }

  /** Sets the sandboxes' schedules to what the open faults have left (they count down as they serve). */
  #arm(): void {
    this.#jira?.clear();
    this.#graph?.clear();
    for (const f of this.#plan.filter((p) => this.#isOpen(p))) {
      const n = this.#remaining(f);
      switch (f.fault) {
        case 'jira:429': this.#jira?.throttle(n, 1); break;
        case 'jira:429-no-retry-after': this.#jira?.throttle(n, null); break;
        case 'jira:5xx': this.#jira?.serverError(n, 503); break;
        case 'graph:429': this.#graph?.throttle(n, 1); break;
        case 'graph:410': this.#graph?.expireDeltas(n, 'resyncRequired'); break;
        case 'graph:sync-state-not-found': this.#graph?.expireDeltas(n, 'syncStateNotFound'); break;
        default: break;
      }
    }
  }

  /** Books a fault a sandbox served against the open planned fault it came from. */
  #servedBySandbox(target: 'jira' | 'graph', served: FiredFault): void {
    const name: FaultName | undefined =
      served.kind === 'throttle' ? (target === 'jira' && served.retryAfterSeconds === null ? 'jira:429-no-retry-after' : `${target}:429`)
        : served.kind === 'error' ? (target === 'jira' ? 'jira:5xx' : undefined)
          : served.code === 'resyncRequired' ? 'graph:410' : 'graph:sync-state-not-found';
    const fault = this.#plan.find((f) => f.fault === name && this.#isOpen(f));
    // A step-scoped fault is armed only while its step runs; others go to whatever is running.
    if (fault) this.#record(fault, fault.state);
  }
}
