import { DomainException } from '../errors/domain.exception';

/**
 * Turns many "please run" requests into few runs, for event consumers: a request starts a
 * run when none is going, and otherwise asks for exactly one more after it, however many
 * requests arrive meanwhile. When another process holds the job (a `conflict`), it tries
 * again after `retryMs`: that run may have started before the change being announced.
 * A request resolves once a run that started after it has finished.
 */
export class CoalescedRuns {
  private wanted = false;
  private draining: Promise<void> | null = null;

  constructor(
    private readonly run: () => Promise<unknown>,
    private readonly retryMs = 2000,
  ) {}

  request(): Promise<void> {
    this.wanted = true;
    this.draining ??= this.drain().finally(() => (this.draining = null));
    return this.draining;
  }

  private async drain(): Promise<void> {
    while (this.wanted) {
      this.wanted = false;
      try {
        await this.run();
      } catch (error) {
        if (!(error instanceof DomainException && error.code === 'conflict')) throw error;
        this.wanted = true;
        await new Promise((resolve) => setTimeout(resolve, this.retryMs));
      }
    }
  }
}
