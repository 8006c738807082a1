import { Inject, Injectable } from '@nestjs/common';
import { DATABASE } from '../database/database.module';
import type { Database } from '../database/create-data-source';

export type ReleaseLock = () => Promise<void>;

/**
 * "Only one of these at a time, across every replica": a PostgreSQL session advisory lock
 * held on its own connection for as long as the work runs, released if the process dies.
 * The embedded PGlite serves one process, so an in-process lock is the same guarantee.
 */
@Injectable()
export class AdvisoryLockService {
  private readonly heldInProcess = new Set<string>();

  constructor(@Inject(DATABASE) private readonly database: Database) {}

  /** The lock, or null when someone else holds it. */
  async tryLock(name: string): Promise<ReleaseLock | null> {
    if (this.heldInProcess.has(name)) return null;
    if (this.database.kind === 'pglite') {
      this.heldInProcess.add(name);
      return async () => void this.heldInProcess.delete(name);
    }
    const runner = this.database.dataSource.createQueryRunner();
    await runner.connect();
    const [{ locked }] = await runner.query('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [
      name,
    ]);
    if (!locked) {
      await runner.release();
      return null;
    }
    this.heldInProcess.add(name);
    return async () => {
      this.heldInProcess.delete(name);
      await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [name]).catch(() => undefined);
      await runner.release();
    };
  }
}
