import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { ALL_ENTITIES, ALL_MIGRATIONS } from '@revops/models';
import { DataSource, DataSourceOptions } from 'typeorm';
import { CoreConfig } from '../config/core.config';
import { openPglite } from './open-pglite';

export type DatabaseKind = 'postgres' | 'pglite';

export interface Database {
  kind: DatabaseKind;
  dataSource: DataSource;
  /** Where the data lives, without credentials: `postgres://host:port/db` or the PGlite dir. */
  location: string;
  close(): Promise<void>;
}

const MIGRATION_LOCK_KEY = 7_426_001;

type DatabaseSettings = Pick<CoreConfig, 'DATABASE_URL' | 'PGLITE_DATA_DIR' | 'DB_POOL_SIZE'>;

/**
 * Connects TypeORM to PostgreSQL when DATABASE_URL is set, else to the embedded PGlite
 * (through its node-postgres adapter, one connection). Same SQL and migrations on both.
 */
export async function createDatabase(
  settings: DatabaseSettings,
  applicationName = 'revops',
): Promise<Database> {
  const common = {
    type: 'postgres',
    entities: ALL_ENTITIES,
    migrations: ALL_MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    applicationName,
  } as const;

  if (settings.DATABASE_URL) {
    const dataSource = new DataSource({
      ...common,
      url: settings.DATABASE_URL,
      poolSize: settings.DB_POOL_SIZE,
    } as DataSourceOptions);
    await dataSource.initialize();
    return {
      kind: 'postgres',
      dataSource,
      location: describeUrl(settings.DATABASE_URL),
      close: () => dataSource.destroy(),
    };
  }

  const embedded = await openPglite(settings.PGLITE_DATA_DIR);
  const pg = createPgConfig(embedded.pglite);
  const dataSource = new DataSource({
    ...common,
    host: pg.host,
    port: pg.port,
    username: pg.user,
    password: pg.password,
    database: pg.database,
    poolSize: 1,
    // The adapter hands node-postgres an in-process connection; keep it open for good.
    extra: { connection: pg.connection, idleTimeoutMillis: 0 },
  } as DataSourceOptions);
  try {
    await dataSource.initialize();
  } catch (error) {
    await embedded.close();
    throw error;
  }
  return {
    kind: 'pglite',
    dataSource,
    location: `pglite:${settings.PGLITE_DATA_DIR}`,
    close: async () => {
      await dataSource.destroy();
      await embedded.close();
    },
  };
}

/**
 * Applies pending migrations. On PostgreSQL an advisory lock keeps two replicas that
 * boot together from migrating at once. Returns the names of the migrations applied.
 */
export async function runMigrations(database: Database): Promise<string[]> {
  const { dataSource } = database;
  if (database.kind === 'pglite') {
    return (await dataSource.runMigrations()).map((m) => m.name);
  }
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    return (await dataSource.runMigrations()).map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    await runner.release();
  }
}

/** True when the database answers a trivial query: what /health reports. */
export async function isDatabaseUp(database: Database): Promise<boolean> {
  try {
    await database.dataSource.query('SELECT 1');
    return true;
  } catch {
    return false;
  }
}

/** Every known migration, in order, and whether this database has applied it. */
export async function migrationStatus(
  database: Database,
): Promise<{ name: string; applied: boolean }[]> {
  const { dataSource } = database;
  const rows: { name: string }[] = await dataSource
    .query(`SELECT name FROM ${dataSource.options.migrationsTableName ?? 'migrations'}`)
    .catch(() => []); // a database never migrated has no migrations table yet
  const applied = new Set(rows.map((row) => row.name));
  return dataSource.migrations.map((migration) => {
    const name = migration.name ?? migration.constructor.name;
    return { name, applied: applied.has(name) };
  });
}

export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `postgres://${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return 'postgres://(unparseable url)';
  }
}
