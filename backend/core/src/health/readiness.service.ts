import { Inject, Injectable, Logger, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheckResult, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { CoreConfig } from '../config/core.config';
import { DATABASE } from '../database/database.module';
import type { Database } from '../database/create-data-source';
import { TimeoutError, withTimeout } from '../resilience/with-timeout';
import { BrokerHealth } from './broker-health';
import type { DependencyStatusDto } from './health.dto';
import { DependencyCheck, ReadinessChecks, RegisteredCheck } from './readiness-checks';
import { SharedCheck } from './shared-check';

/**
 * Whether this process can do its work: the database, the Kafka broker when
 * KAFKA_BROKERS is set, and whatever a feature module registers (the embedder). Every
 * check runs at once, each bounded by HEALTH_CHECK_TIMEOUT_MS, so the answer comes
 * within that time even when a dependency hangs. Each check is shared by the probes that
 * arrive while it runs (a flood of probes is one query at a time, not one per probe).
 * The database's and the broker's answers are never reused: they are cheap, and a reused
 * "up" would call a database that has just gone away ready.
 */
@Injectable()
export class ReadinessService {
  private readonly logger = new Logger(ReadinessService.name);
  private readonly databaseCheck: RegisteredCheck;
  private readonly brokerCheck: RegisteredCheck | null;

  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly config: CoreConfig,
    private readonly registered: ReadinessChecks,
    broker: BrokerHealth,
    @Inject(DATABASE) database: Database,
  ) {
    this.databaseCheck = {
      check: () => database.dataSource.query('SELECT 1'),
      shared: new SharedCheck(),
    };
    const brokers = config.KAFKA_BROKERS;
    this.brokerCheck = brokers
      ? { check: () => broker.check(brokers, this.timeoutMs), shared: new SharedCheck() }
      : null;
  }

  get timeoutMs(): number {
    return this.config.HEALTH_CHECK_TIMEOUT_MS;
  }

  /** The database alone, as /health reports it: up, or down with the reason. */
  async database(): Promise<DependencyStatusDto> {
    return this.status('database', this.databaseCheck);
  }

  /** Terminus's result; `ready` false when any dependency is down. */
  async check(): Promise<{ ready: boolean; result: HealthCheckResult }> {
    const checks: [string, RegisteredCheck][] = [['database', this.databaseCheck]];
    if (this.brokerCheck) checks.push(['broker', this.brokerCheck]);
    checks.push(...this.registered.entries());
    try {
      const indicators = checks.map(([name, check]) => async () => {
        const { status, message } = await this.status(name, check);
        const indicator = this.indicators.check(name);
        return status === 'up' ? indicator.up() : indicator.down({ message });
      });
      return { ready: true, result: await this.health.check(indicators) };
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      return { ready: false, result: error.getResponse() as HealthCheckResult };
    }
  }

  private async status(name: string, { check, shared }: RegisteredCheck) {
    try {
      await shared.run(() => this.attempt(name, check));
      return { status: 'up' } as const;
    } catch (error) {
      // The answer is public: it names the error code or the timeout; the log says the rest.
      return { status: 'down', message: reasonOf(error) } as const;
    }
  }

  /** One check of one dependency, logged once when it fails (not once per probe sharing it). */
  private async attempt(name: string, check: DependencyCheck): Promise<void> {
    try {
      await withTimeout(check(), this.timeoutMs);
    } catch (error) {
      this.logger.warn({
        msg: 'Dependency not ready',
        dependency: name,
        error: error instanceof Error ? error.message : String(error),
      });
      throw error;
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
