import { FaultSchedule, type SandboxFaults } from '../http/faults';

export interface GraphSandboxFaults extends SandboxFaults {
  /** The next delta request that carries a `$deltatoken` gets 410 `syncStateNotFound`. */
  expireNextDelta(): void;
  /** The next `count` delta pages come back empty, with a nextLink to the same position (Graph does this). */
  emptyPages(count: number): void;
}

export class GraphFaultSchedule extends FaultSchedule implements GraphSandboxFaults {
  #expireDelta = false;
  #emptyPages = 0;

  expireNextDelta(): void {
    this.#expireDelta = true;
  }

  emptyPages(count: number): void {
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`empty page count must be an integer >= 0, got ${count}`);
    this.#emptyPages = count;
  }

  takeDeltaExpiry(): boolean {
    const expire = this.#expireDelta;
    this.#expireDelta = false;
    return expire;
  }

  takeEmptyPage(): boolean {
    if (this.#emptyPages === 0) return false;
    this.#emptyPages -= 1;
    return true;
  }
}
