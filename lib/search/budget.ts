/**
 * The work one search may spend in its word-by-word passes (checking quoted phrases and compound
 * splits against each candidate paragraph), counted in token positions examined. Everything else a
 * search does is bounded by the query limits and the archive's size; these passes multiply with the
 * number of phrases, so a query of many common phrases would otherwise hold the server for as long
 * as it likes. When the budget runs out the passes stop where they are: the search answers with
 * what it found so far and says so (`truncated`).
 */
export class WorkBudget {
  private left: number;
  private stopped = false;

  constructor(readonly limit: number) {
    this.left = limit;
  }

  /** Takes `positions` from the budget; false, from then on, once it cannot cover them. */
  take(positions: number): boolean {
    if (this.stopped || positions > this.left) {
      this.stopped = true;
      return false;
    }
    this.left -= positions;
    return true;
  }

  /** Whether a pass was cut short. */
  get exhausted(): boolean {
    return this.stopped;
  }

  get spent(): number {
    return this.limit - this.left;
  }
}
