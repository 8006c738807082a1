import { Inject, Injectable, Logger, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheckResult, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { CoreConfig } from '../config/core.config';
import { DATABASE } from '../database/database.module';
import type { Database } from '../database/create-data-source';
import { TimeoutError, withTimeout } from '../resilience/with-timeout';
import { BrokerHealth } from './broker-health';

/** Resolves when the dependency answers; rejects (or never settles) when it does not. */
export type DependencyCheck = () => Promise<unknown>;

/**
 * Whether this process can do its work: the database, the Kafka broker when
 * KAFKA_BROKERS is set, and whatever a feature module registers (the embedder). Every
 * check runs at once, each bounded by HEALTH_CHECK_TIMEOUT_MS, so the answer comes
 * within that time even when a dependency hangs.
 */
@Injectable()
export class ReadinessService {
  private readonly logger = new Logger(ReadinessService.name);
  private readonly registered = new Map<string, DependencyCheck>();

  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly config: CoreConfig,
    private readonly broker: BrokerHealth,
    @Inject(DATABASE) private readonly database: Database,
  ) {}

  /** Adds a dependency to readiness, under the name a 503 reports it by. */
  register(name: string, check: DependencyCheck): void {
    this.registered.set(name, check);
  }

  get timeoutMs(): number {
    return this.config.HEALTH_CHECK_TIMEOUT_MS;
  }

  /** Terminus's result; `ready` false when any dependency is down. */
  async check(): Promise<{ ready: boolean; result: HealthCheckResult }> {
    const checks = new Map<string, DependencyCheck>([
      ['database', () => this.database.dataSource.query('SELECT 1')],
    ]);
    const brokers = this.config.KAFKA_BROKERS;
    if (brokers) checks.set('broker', () => this.broker.check(brokers, this.timeoutMs));
    for (const [name, check] of this.registered) checks.set(name, check);
    try {
      const indicators = [...checks].map(
        ([name, check]) =>
          () =>
            this.probe(name, check),
      );
      return { ready: true, result: await this.health.check(indicators) };
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      return { ready: false, result: error.getResponse() as HealthCheckResult };
    }
  }

  private async probe(name: string, check: DependencyCheck) {
    const indicator = this.indicators.check(name);
    try {
      await withTimeout(check(), this.timeoutMs);
      return indicator.up();
    } catch (error) {
      // The answer is public: it names the dependency and the error code, the log says the rest.
      this.logger.warn({
        msg: 'Dependency not ready',
        dependency: name,
        error: error instanceof Error ? error.message : String(error),
      });
      return indicator.down({ message: reasonOf(error) });
    }
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof TimeoutError) return error.message;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[A-Za-z0-9_]{1,40}$/.test(code)
    ? `failed (${code})`
    : 'failed';
}
