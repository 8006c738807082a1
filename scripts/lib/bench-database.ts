import { createDatabase, runMigrations } from '@revops/core';
import { Client } from 'pg';
import { fail } from './cli';

/**
 * The benchmarks' database: `--url`, else BENCH_DATABASE_URL, else `fallback`. Its name
 * must end in _bench, because it is dropped and recreated, then migrated.
 */
export async function freshBenchDatabase(
  args: Map<string, string>,
  fallback: string,
): Promise<string> {
  const url = args.get('url') ?? process.env.BENCH_DATABASE_URL ?? fallback;
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/^[a-z0-9_]+_bench$/.test(name))
    fail(`the bench database must end in _bench (got "${name}")`);
  const admin = new Client({ connectionString: url.replace(/\/[^/]+$/, '/postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const database = await createDatabase({
    DATABASE_URL: url,
    PGLITE_DATA_DIR: '',
    DB_POOL_SIZE: 4,
  });
  await runMigrations(database);
  await database.close();
  return url;
}
