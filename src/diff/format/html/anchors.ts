/** Anchors of the page: each change has a number; the inline view, side-by-side view and old places link by it. */
import type { Change, DiffResult } from '../../types.js';

export class Anchors {
  private readonly numbers = new Map<Change, number>();

  constructor(result: DiffResult) {
    result.changes.forEach((change, i) => this.numbers.set(change, i + 1));
  }

  /** The change in the inline view. */
  inline(change: Change): string {
    return `change-${this.numbers.get(change) ?? 0}`;
  }

  /** The change in the side-by-side view. */
  sideBySide(change: Change): string {
    return `sbs-change-${this.numbers.get(change) ?? 0}`;
  }

  /** The old place of a moved item (inline view). */
  movedFrom(change: Change): string {
    return `moved-from-${this.numbers.get(change) ?? 0}`;
  }

  /** The old place of a moved item (side-by-side view). */
  sideBySideMovedFrom(change: Change): string {
    return `sbs-moved-from-${this.numbers.get(change) ?? 0}`;
  }
}
