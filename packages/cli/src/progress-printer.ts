import type { CycleResult, StateProgress } from '@agentic-pm/local-runtime';
import { ms, paint } from './format';

/** The counts worth a glance for each state's output; everything else stays in the report. */
const keyCounts = (name: string, output: unknown): string => {
  if (!output || typeof output !== 'object') return '';
  const o = output as Record<string, unknown>;
  const pick = (section: string, keys: string[]): string => {
    const s = o[section] as Record<string, unknown> | undefined;
    if (!s || typeof s !== 'object') return '';
    return keys.filter((k) => typeof s[k] === 'number' || typeof s[k] === 'boolean').map((k) => `${k} ${String(s[k])}`).join(', ');
  };
  switch (name) {
    case 'Heartbeat': return pick('run', ['projects', 'openWork', 'housekeepingDue']);
    case 'Detect Changes': {
      const poll = o.poll as { jira?: { changes?: number }; outlook?: { changes?: number } } | undefined;
      return `changes: jira ${poll?.jira?.changes ?? 0}, outlook ${poll?.outlook?.changes ?? 0}`;
    }
    case 'Normalise Signals': return pick('signals', ['created', 'duplicates', 'prefiltered']);
    case 'Triage': return pick('triage', ['triaged', 'complex', 'failedClosed', 'llmCalls']);
    case 'Reasoning': return pick('reasoning', ['proposals', 'escalations', 'artefactOps', 'llmCalls']);
    case 'Execute Actions': return pick('execution', ['executed', 'held', 'escalated', 'blocked']);
    case 'Update Artefacts': return pick('artefacts', ['updated']);
    case 'Process Hold Queue': return pick('holdQueue', ['decisions', 'due', 'executed']);
    case 'Housekeeping': return pick('housekeeping', ['digests', 'unhealthyIntegrations']);
    default: return '';
  }
};

const SHOWN = new Set(['Heartbeat', 'Detect Changes', 'Normalise Signals', 'Triage', 'Reasoning', 'Execute Actions', 'Update Artefacts', 'Process Hold Queue', 'Housekeeping', 'Finish Run', 'Record Failure', 'Skipped: Another Run In Progress']);

export interface ProgressPrinter {
  cycleStart(k: number, at: string): void;
  state(k: number, progress: StateProgress): void;
  cycleEnd(k: number, result: CycleResult): void;
}

/** Live progress: one line per state for short runs, one line per cycle for long ones. */
export const progressPrinter = (total: number, perState: boolean, write: (line: string) => void = console.log): ProgressPrinter => ({
  cycleStart(k, at) {
    if (perState) write(paint('bold', `\nCycle ${k}/${total} at ${at.replace('T', ' ').replace(/\.\d+Z$/, 'Z')}`));
  },
  state(_k, p) {
    if (!perState || !SHOWN.has(p.name)) return;
    const mark = p.error ? paint('red', '✗') : paint('green', '✓');
    const detail = p.error ? paint('red', p.error.slice(0, 160)) : paint('dim', keyCounts(p.name, p.output));
    write(`  ${mark} ${p.name.padEnd(22)} ${ms(p.durationMs).padStart(7)}  ${detail}`);
  },
  cycleEnd(k, result) {
    const status = result.status === 'FAILED' ? paint('red', result.status) : result.status === 'SKIPPED' ? paint('yellow', result.status) : paint('green', result.status);
    const signals = (result.output?.signals as { created?: number } | undefined)?.created ?? 0;
    const line = `${status} in ${ms(result.wallMs)}, ${result.stateTransitions} state transitions, ${signals} new signal(s)`;
    write(perState ? `  → ${line}` : `[${String(k).padStart(String(total).length)}/${total}] ${result.at}  ${line}`);
    if (result.error) write(paint('red', `    ${result.error.error}: ${result.error.cause}`));
  },
});
