/**
 * One dependency check shared by everyone who asks: a caller arriving while a check is in
 * flight waits for that one instead of starting another, and a success is reused for
 * `reuseSuccessMs` (0: never) so a flood of probes costs at most one check per interval.
 * A failure is never reused: the next caller checks again.
 */
export class SharedCheck {
  private inFlight: Promise<void> | null = null;
  private succeededAt: number | null = null;

  constructor(
    private readonly reuseSuccessMs = 0,
    private readonly now: () => number = Date.now,
  ) {}

  /** `attempt` when no check is in flight and no recent success stands, else the one that is or did. */
  run(attempt: () => Promise<void>): Promise<void> {
    if (this.succeededAt !== null && this.now() - this.succeededAt < this.reuseSuccessMs) {
      return Promise.resolve();
    }
    return (this.inFlight ??= this.settle(attempt));
  }

  private async settle(attempt: () => Promise<void>): Promise<void> {
    try {
      await attempt();
      this.succeededAt = this.now();
    } catch (error) {
      this.succeededAt = null;
      throw error;
    } finally {
      this.inFlight = null;
    }
  }
}
