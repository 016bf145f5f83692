import type { Scenario } from '@agentic-pm/scenario';

export const DEFAULT_STATUSES = ['To Do', 'In Progress', 'Blocked', 'In Review', 'Done'] as const;
export const DEFAULT_PRIORITIES = ['Highest', 'High', 'Medium', 'Low', 'Lowest'] as const;

export interface Transition {
  id: string;
  name: string;
  to: { id: string; name: string };
}

/**
 * A permissive workflow: from any status to any other. Transition names differ from status names
 * ("Move to Done"), as they often do in real workflows, so clients must match on the target status.
 */
export class Workflow {
  readonly statuses: readonly string[];
  readonly #transitions: readonly Transition[];

  constructor(scenario: Scenario) {
    const named = [
      ...DEFAULT_STATUSES,
      ...scenario.jira.issues.map((i) => i.status),
      ...scenario.jira.events.map((e) => e.set.status).filter((s): s is string => s !== undefined),
    ];
    const seen = new Set<string>();
    this.statuses = named.filter((status) => {
      const key = status.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    // Ids follow the order above (defaults first), so they are stable for a given scenario.
    this.#transitions = this.statuses.map((status, i) => ({
      id: String((i + 1) * 10 + 1),
      name: `Move to ${status}`,
      to: { id: String(10_000 + i), name: status },
    }));
  }

  statusId(status: string): string | null {
    return this.#transitions.find((t) => t.to.name.toLowerCase() === status.toLowerCase())?.to.id ?? null;
  }

  /** Transitions offered from `current`: every other status. */
  availableFrom(current: string): Transition[] {
    return this.#transitions.filter((t) => t.to.name.toLowerCase() !== current.toLowerCase());
  }
}

export const knownPriorities = (scenario: Scenario): Set<string> =>
  new Set([
    ...DEFAULT_PRIORITIES,
    ...scenario.jira.issues.map((i) => i.priority),
    ...scenario.jira.events.map((e) => e.set.priority),
  ].filter((p): p is string => typeof p === 'string'));
