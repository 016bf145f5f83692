import type { AgentSettings, TriageResult } from '@agentic-pm/domain';

/** A complex signal that must not wait: a blocker, high or critical severity, or a suspected attack. */
export const isUrgent = (triage: Pick<TriageResult, 'sanitised' | 'classification'>): boolean =>
  triage.classification.category === 'blocker' ||
  triage.classification.severity === 'high' ||
  triage.classification.severity === 'critical' ||
  triage.sanitised.injectionSuspected;

/**
 * When a complex signal becomes due for reasoning: now if it is urgent or there is no window,
 * else at the end of the window. Whatever else of its project is waiting is reasoned about in
 * the same call, so signals that arrive within one window cost one Sonnet call, not one each.
 */
export const reasoningDueAt = (triage: Pick<TriageResult, 'sanitised' | 'classification'>, nowIso: string, settings: Pick<AgentSettings, 'reasoningWindowMinutes'>): string | undefined =>
  settings.reasoningWindowMinutes === 0 || isUrgent(triage) ? undefined : new Date(Date.parse(nowIso) + settings.reasoningWindowMinutes * 60_000).toISOString();
