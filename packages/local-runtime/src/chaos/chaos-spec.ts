import * as z from 'zod';
import { ValidationError } from '@agentic-pm/domain';
import { CONDITIONAL_OPERATIONS, DYNAMODB_OPERATIONS, FAULT_NAMES, FAULTS, STEP_NAMES, STEPS, targetOf, type FaultName } from './fault-catalog';

/**
 * `--chaos` takes comma-separated faults, each `target:fault` with optional modifiers in any order:
 *   @COUNT   how many times it fires (default 1)
 *   #CYCLE   in which cycle of the run, from 1 (default 1)
 *   /STEP    only while that Task state runs, kebab case (required for lambda faults)
 *   =OP      only on that DynamoDB operation (dynamodb faults only)
 * e.g. `jira:429@2#3,lambda:crash-after/execute-actions#3,dynamodb:throttle=Query/triage`.
 */
export const CHAOS_GRAMMAR = 'target:fault[@count][#cycle][/step][=operation], comma-separated';

export interface PlannedFault {
  /** The token as written, normalised: how the report names it. */
  token: string;
  fault: FaultName;
  count: number;
  cycle: number;
  step?: string;
  /** The Task state `step` names. */
  state?: string;
  operation?: (typeof DYNAMODB_OPERATIONS)[number];
}

export type ChaosPlan = PlannedFault[];

const plannedFaultSchema = z
  .object({
    fault: z.enum(FAULT_NAMES, { error: (i) => `unknown fault "${String(i.input)}"; valid faults: ${FAULT_NAMES.join(', ')}` }),
    count: z.coerce.number({ error: 'must be a whole number from 1 to 100' }).int({ error: 'must be a whole number from 1 to 100' }).min(1, { error: 'must be a whole number from 1 to 100' }).max(100, { error: 'must be a whole number from 1 to 100' }).default(1),
    cycle: z.coerce.number({ error: 'must be a whole number from 1' }).int({ error: 'must be a whole number from 1' }).min(1, { error: 'must be a whole number from 1' }).default(1),
    step: z.enum(STEP_NAMES, { error: (i) => `unknown step "${String(i.input)}"; valid steps: ${STEP_NAMES.join(', ')}` }).optional(),
    operation: z.enum(DYNAMODB_OPERATIONS, { error: (i) => `unknown DynamoDB operation "${String(i.input)}"; valid: ${DYNAMODB_OPERATIONS.join(', ')}` }).optional(),
  })
  .superRefine((f, ctx) => {
    const target = targetOf(f.fault);
    if (target === 'lambda' && !f.step) ctx.addIssue({ code: 'custom', path: ['step'], message: `${f.fault} needs /step, one of: ${STEP_NAMES.join(', ')}` });
    if (f.operation && target !== 'dynamodb') ctx.addIssue({ code: 'custom', path: ['operation'], message: '=operation applies to dynamodb faults only' });
    if (f.fault === 'dynamodb:conditional' && f.operation && !CONDITIONAL_OPERATIONS.has(f.operation)) {
      ctx.addIssue({ code: 'custom', path: ['operation'], message: `${f.operation} has no condition to fail; use one of ${[...CONDITIONAL_OPERATIONS].join(', ')}` });
    }
  });

const MODIFIERS = { '@': 'count', '#': 'cycle', '/': 'step', '=': 'operation' } as const;
const TOKEN = /^([a-z0-9-]+:[a-z0-9-]+)((?:[@#/=][A-Za-z0-9-]*)*)$/;

/** Splits one token into its fields, or says what is wrong with its shape. */
const fieldsOf = (token: string): Record<string, string> | string => {
  const match = TOKEN.exec(token);
  if (!match) return `not of the form ${CHAOS_GRAMMAR.split(',')[0]}`;
  const fields: Record<string, string> = { fault: match[1] ?? '' };
  for (const [, mark, value] of (match[2] ?? '').matchAll(/([@#/=])([A-Za-z0-9-]*)/g)) {
    const name = MODIFIERS[mark as keyof typeof MODIFIERS];
    if (name in fields) return `${mark}${name} given twice`;
    fields[name] = value ?? '';
  }
  return fields;
};

/**
 * Parses a `--chaos` spec into a typed plan. Every bad token is reported (with the valid faults),
 * as a ValidationError, so the CLI exits 2 before it writes anything.
 */
export const parseChaosSpec = (spec: string, options: { cycles?: number } = {}): ChaosPlan => {
  const issues: Array<{ path: string; message: string }> = [];
  const plan: ChaosPlan = [];
  const tokens = spec.split(',').map((t) => t.trim());
  if (tokens.every((t) => t === '')) issues.push({ path: '--chaos', message: `empty spec; expected ${CHAOS_GRAMMAR}. Valid faults: ${FAULT_NAMES.join(', ')}` });
  for (const token of tokens.filter((t) => t !== '')) {
    const fields = fieldsOf(token);
    if (typeof fields === 'string') {
      issues.push({ path: token, message: `${fields}; valid faults: ${FAULT_NAMES.join(', ')}` });
      continue;
    }
    const parsed = plannedFaultSchema.safeParse(fields);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) issues.push({ path: token, message: issue.path.length && !issue.message.includes(String(issue.path[0])) ? `${String(issue.path[0])}: ${issue.message}` : issue.message });
      continue;
    }
    const f = parsed.data;
    if (options.cycles !== undefined && f.cycle > options.cycles) {
      issues.push({ path: token, message: `cycle ${f.cycle} is past the run's ${options.cycles} cycle(s)` });
      continue;
    }
    plan.push({ token, ...f, ...(f.step ? { state: STEPS[f.step] } : {}) });
  }
  if (issues.length > 0) throw new ValidationError('--chaos', issues);
  return plan;
};

/** One line per fault for `--help`. */
export const describeFaults = (): string => FAULT_NAMES.map((name) => `  ${name.padEnd(26)} ${FAULTS[name]}`).join('\n');
