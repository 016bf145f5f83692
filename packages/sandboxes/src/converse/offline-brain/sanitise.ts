import type { UntrustedSignal } from './read-request';
import { clip, detectInjection, entitiesIn, injectionReason, requestsIn, sentences, summarise } from './text-analysis';

const nonEmpty = (lists: object): Record<string, unknown> => Object.fromEntries(Object.entries(lists).filter(([, v]) => !Array.isArray(v) || v.length > 0));

/** The `record_sanitised_signals` input for pass-1 blocks: neutral fields, no instructions followed. */
export const sanitiseSignals = (signals: readonly UntrustedSignal[]): { signals: unknown[] } => ({
  signals: signals.map((s) => {
    const parts = sentences(s.text);
    const verdict = detectInjection(`${s.title}\n${s.text}`, [s.title, ...parts], s.trust === 'external');
    // A steering title is dropped like a steering sentence.
    const title = injectionReason(s.title) === undefined ? s.title : '';
    const onlySteering = verdict.steering.size > 0 && parts.every((p) => verdict.steering.has(p));
    const summary = onlySteering
      ? clip(`${title ? `${title}: ` : ''}message addressed to an automated assistant; its instructions were not followed.`, 200)
      : summarise(title, parts, verdict.steering);
    const requests = requestsIn(parts, verdict.steering);
    return {
      id: s.ref,
      summary,
      // As the prompt asks: empty lists are left out (the schema defaults them).
      entities: nonEmpty(entitiesIn(`${s.title}. ${s.text}`, s.from, s.issueKey)),
      ...(requests.length > 0 ? { requests } : {}),
      injectionSuspected: verdict.suspected,
      ...(verdict.reason === undefined ? {} : { injectionReason: verdict.reason }),
    };
  }),
});
