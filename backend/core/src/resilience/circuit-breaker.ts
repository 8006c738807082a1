import { Logger } from '@nestjs/common';
import { DomainException } from '../errors/domain.exception';

export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  /** Names the dependency in logs and errors, e.g. 'embedding-model'. */
  name: string;
  /** Consecutive failures that open the circuit. */
  failureThreshold?: number;
  /** How long an open circuit rejects calls before letting one trial through. */
  cooldownMs?: number;
  now?: () => number;
}

/**
 * Thrown instead of calling a dependency that keeps failing. A `dependency_unavailable`
 * error, so the edge answers 503 and a worker can pause until `retryAt`.
 */
export class CircuitOpenError extends DomainException {
  constructor(
    breaker: string,
    readonly retryAt: Date,
    override readonly cause: unknown,
  ) {
    super(
      'dependency_unavailable',
      `${breaker} is unavailable (last error: ${messageOf(cause)}); will retry after ${retryAt.toISOString()}`,
      { breaker, retryAt: retryAt.toISOString() },
    );
  }
}

/**
 * Stops calling a dependency after it fails `failureThreshold` times in a row, so a
 * worker waits out an outage instead of crash-looping against it. After `cooldownMs`
 * one trial call goes through: success closes the circuit, failure opens it again.
 * Open and half-open are derived from the clock, so no timer needs cleaning up.
 */
export class CircuitBreaker {
  private readonly logger = new Logger(CircuitBreaker.name);
  private readonly name: string;
  private readonly failureThreshold: number;
  private readonly cooldownMs: number;
  private readonly now: () => number;
  private failures = 0;
  private lastError: unknown;
  /** Set while open or half-open; cleared when the circuit closes. */
  private retryAtMs: number | undefined;
  private trialRunning = false;

  constructor(options: CircuitBreakerOptions) {
    this.name = options.name;
    this.failureThreshold = options.failureThreshold ?? 3;
    this.cooldownMs = options.cooldownMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  get state(): CircuitState {
    if (this.retryAtMs === undefined) return 'closed';
    return this.now() < this.retryAtMs ? 'open' : 'half-open';
  }

  /** When an open circuit lets a trial through; undefined while closed. */
  get retryAt(): Date | undefined {
    return this.retryAtMs === undefined ? undefined : new Date(this.retryAtMs);
  }

  /** Whether `run` would call its work now: not while cooling down or while a trial runs. */
  canRun(): boolean {
    const state = this.state;
    return state === 'closed' || (state === 'half-open' && !this.trialRunning);
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (!this.canRun()) throw new CircuitOpenError(this.name, this.retryAt!, this.lastError);
    const trial = this.state === 'half-open';
    if (trial) {
      this.trialRunning = true;
      this.logger.log({ msg: 'Circuit half-open; trying one call', breaker: this.name });
    }
    try {
      const result = await work();
      this.succeeded();
      return result;
    } catch (error) {
      this.failed(error, trial);
      throw error;
    } finally {
      if (trial) this.trialRunning = false;
    }
  }

  private succeeded(): void {
    this.failures = 0;
    if (this.retryAtMs === undefined) return;
    this.retryAtMs = undefined;
    this.logger.log({ msg: 'Circuit closed', breaker: this.name });
  }

  private failed(error: unknown, trial: boolean): void {
    this.failures++;
    this.lastError = error;
    // Calls that began before the circuit opened must not extend its cooldown.
    const opens = trial || (this.retryAtMs === undefined && this.failures >= this.failureThreshold);
    if (!opens) return;
    this.retryAtMs = this.now() + this.cooldownMs;
    this.logger.warn({
      msg: 'Circuit opened',
      breaker: this.name,
      failures: this.failures,
      error: messageOf(error),
      retryAt: new Date(this.retryAtMs).toISOString(),
    });
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
