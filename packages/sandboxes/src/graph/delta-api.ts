import type { SandboxResponse } from '../http/loopback-server';
import { decodeToken, deltaStateSchema, encodeToken, skipStateSchema, type DeltaState, type SkipState } from './delta-token';
import type { GraphFaultSchedule, SyncStateLossCode } from './graph-faults';
import type { MailStore } from './mail-store';
import { MESSAGE_PROPERTIES, renderMessage } from './render-message';

const DEFAULT_PAGE_SIZE = 10;
const MAX_PAGE_SIZE = 1000;

export const graphError = (status: number, code: string, message: string, headers?: Record<string, string>): SandboxResponse => ({
  status,
  ...(headers ? { headers } : {}),
  json: { error: { code, message, innerError: { date: new Date().toISOString().replace(/\.\d{3}Z$/, '') } } },
});

const syncStateNotFound = (why: string, code: SyncStateLossCode = 'syncStateNotFound'): SandboxResponse =>
  graphError(410, code, `The sync state generation is not found: ${why}. Restart the synchronization without a token.`);

const pageSizeFrom = (prefer: string | undefined): number => {
  const size = Number(/odata\.maxpagesize=(\d+)/i.exec(prefer ?? '')?.[1]);
  return Number.isInteger(size) && size > 0 ? Math.min(size, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
};

/** `/users/{mailbox}/mailFolders/inbox/messages/delta`, paged and resumable, over the scenario's mail at the clock's time. */
export class DeltaApi {
  constructor(
    private readonly store: MailStore,
    private readonly graphBaseUrl: () => string,
    private readonly now: () => number,
    private readonly faults: GraphFaultSchedule,
  ) {}

  delta(mailbox: string, url: URL, prefer: string | undefined): SandboxResponse {
    const started = this.#state(mailbox, url);
    if ('status' in started) return started;
    const state = started;

    const link = (param: '$skiptoken' | '$deltatoken', token: string): string =>
      `${this.graphBaseUrl()}/v1.0/users/${encodeURIComponent(mailbox)}/mailFolders/inbox/messages/delta?${param}=${token}`;
    const context = `${this.graphBaseUrl()}/v1.0/$metadata#Collection(message)`;
    if (this.faults.takeEmptyPage()) return { status: 200, json: { '@odata.context': context, value: [], '@odata.nextLink': link('$skiptoken', encodeToken(state)) } };

    const removed = state.fromMs === null ? [] : this.store.removedBetween(mailbox, state.fromRemovalSeq, state.untilRemovalSeq, state.fromMs);
    const after = state.receivedAfterMs;
    const received = this.store
      .received(mailbox, state.fromMs, state.untilMs, state.untilRemovalSeq)
      .filter((m) => after === null || (state.receivedInclusive ? m.atMs >= after : m.atMs > after));
    const items = [
      ...removed.map((id) => ({ '@odata.type': '#microsoft.graph.message', id, '@removed': { reason: 'deleted' } })),
      ...received.map((m) => renderMessage(m, state.select)),
    ];
    const size = pageSizeFrom(prefer);
    const page = items.slice(state.offset, state.offset + size);
    const nextOffset = state.offset + page.length;
    if (nextOffset < items.length) {
      return { status: 200, json: { '@odata.context': context, value: page, '@odata.nextLink': link('$skiptoken', encodeToken({ ...state, offset: nextOffset })) } };
    }
    const delivered: DeltaState = {
      kind: 'delta', mailbox: state.mailbox, fingerprint: state.fingerprint, select: state.select,
      receivedAfterMs: state.receivedAfterMs, receivedInclusive: state.receivedInclusive,
      deliveredMs: Math.max(state.fromMs ?? state.untilMs, state.untilMs), removalSeq: state.untilRemovalSeq,
    };
    return { status: 200, json: { '@odata.context': context, value: page, '@odata.deltaLink': link('$deltatoken', encodeToken(delivered)) } };
  }

  /** Where this request continues from: a page inside a round, or the start of a new round. */
  #state(mailbox: string, url: URL): SkipState | SandboxResponse {
    const fingerprint = this.store.fingerprint(mailbox);
    const belongs = (s: { mailbox: string; fingerprint: string }): boolean => s.mailbox === mailbox.toLowerCase() && s.fingerprint === fingerprint;

    const skipToken = url.searchParams.get('$skiptoken');
    if (skipToken !== null) {
      const skip = decodeToken(skipStateSchema, skipToken);
      return skip && belongs(skip) ? skip : syncStateNotFound('unknown or foreign $skiptoken');
    }

    let previous: DeltaState | null = null;
    const deltaToken = url.searchParams.get('$deltatoken');
    if (deltaToken !== null) {
      const expiry = this.faults.takeDeltaExpiry();
      if (expiry) return syncStateNotFound('the delta token has expired', expiry);
      previous = decodeToken(deltaStateSchema, deltaToken);
      if (!previous || !belongs(previous)) return syncStateNotFound('unknown or foreign $deltatoken');
    }

    let select: string[] | null = previous ? previous.select : null;
    const selectParam = url.searchParams.get('$select');
    if (!previous && selectParam !== null) {
      select = selectParam.split(',').map((s) => s.trim()).filter((s) => s !== '');
      const unknown = select.find((p) => !MESSAGE_PROPERTIES.has(p));
      if (unknown) return graphError(400, 'RequestBroker--ParseUri', `Could not find a property named '${unknown}' on type 'microsoft.graph.message'.`);
    }
    let receivedAfterMs = previous ? previous.receivedAfterMs : null;
    let receivedInclusive = previous ? previous.receivedInclusive : true;
    const filterParam = url.searchParams.get('$filter');
    if (!previous && filterParam !== null) {
      // Message delta accepts only a lower bound on receivedDateTime.
      const match = /^receivedDateTime\s+(ge|gt)\s+(\S+)$/i.exec(filterParam.trim());
      const bound = match?.[2] === undefined ? Number.NaN : Date.parse(match[2]);
      if (!match || Number.isNaN(bound)) return graphError(400, 'ErrorInvalidUrlQueryFilter', `The filter '${filterParam}' is not supported for delta; use receivedDateTime ge <date-time>.`);
      receivedAfterMs = bound;
      receivedInclusive = match[1]?.toLowerCase() === 'ge';
    }
    return {
      kind: 'skip', mailbox: mailbox.toLowerCase(), fingerprint, select, receivedAfterMs, receivedInclusive,
      fromMs: previous?.deliveredMs ?? null,
      fromRemovalSeq: previous?.removalSeq ?? this.store.removalSeq,
      untilMs: this.now(),
      untilRemovalSeq: this.store.removalSeq,
      offset: 0,
    };
  }
}
