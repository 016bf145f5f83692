import { FaultSchedule, type SandboxFaults } from '../http/faults';

/** Graph's codes for a delta token it no longer accepts; both come with 410 Gone. */
export type SyncStateLossCode = 'syncStateNotFound' | 'resyncRequired';

export interface GraphSandboxFaults extends SandboxFaults {
  /** The next delta request that carries a `$deltatoken` gets 410 `syncStateNotFound`. */
  expireNextDelta(): void;
  /** The next `count` delta requests that carry a `$deltatoken` get 410 with `code`. */
  expireDeltas(count: number, code?: SyncStateLossCode): void;
  /** The next `count` delta pages come back empty, with a nextLink to the same position (Graph does this). */
  emptyPages(count: number): void;
}

export class GraphFaultSchedule extends FaultSchedule implements GraphSandboxFaults {
  #expiries = 0;
  #expiryCode: SyncStateLossCode = 'syncStateNotFound';
  #emptyPages = 0;

  expireNextDelta(): void {
    this.expireDeltas(1);
  }

  expireDeltas(count: number, code: SyncStateLossCode = 'syncStateNotFound'): void {
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`expiry count must be an integer >= 0, got ${count}`);
    this.#expiries = count;
    this.#expiryCode = code;
  }

  emptyPages(count: number): void {
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`empty page count must be an integer >= 0, got ${count}`);
    this.#emptyPages = count;
  }

  override clear(): void {
    super.clear();
    this.#expiries = 0;
    this.#emptyPages = 0;
  }

  /** The code to reject this delta token with, or null to accept it; consumes the fault. */
  takeDeltaExpiry(): SyncStateLossCode | null {
    if (this.#expiries === 0) return null;
    this.#expiries -= 1;
    return this.fired({ kind: 'sync-state-lost', code: this.#expiryCode }).code as SyncStateLossCode;
  }

  takeEmptyPage(): boolean {
    if (this.#emptyPages === 0) return false;
    this.#emptyPages -= 1;
    return true;
  }
}
