import { Injectable } from '@nestjs/common';
import { SharedCheck } from './shared-check';

/** Resolves when the dependency answers; rejects (or never settles) when it does not. */
export type DependencyCheck = () => Promise<unknown>;

export interface DependencyCheckOptions {
  /**
   * How long a success is reused instead of asking again (default 0: every probe asks).
   * For a check that costs real work, such as a model inference: /health/ready is public
   * and not rate-limited.
   */
  reuseSuccessMs?: number;
}

export interface RegisteredCheck {
  check: DependencyCheck;
  shared: SharedCheck;
}

/**
 * The dependencies feature modules add to /health/ready (the embedder). Present in every
 * context, scripts included, so a feature module registers without knowing whether the
 * process serves HTTP; only an HTTP process's readiness reads them.
 */
@Injectable()
export class ReadinessChecks {
  private readonly checks = new Map<string, RegisteredCheck>();

  /** Adds a dependency to readiness, under the name a 503 reports it by. */
  register(name: string, check: DependencyCheck, options: DependencyCheckOptions = {}): void {
    this.checks.set(name, { check, shared: new SharedCheck(options.reuseSuccessMs) });
  }

  entries(): [string, RegisteredCheck][] {
    return [...this.checks];
  }
}
