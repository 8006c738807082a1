import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOpsTables1795320000100 implements MigrationInterface {
  name = 'CreateOpsTables1795320000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ops.sync_runs (
        id bigserial PRIMARY KEY,
        source text NOT NULL,
        mode text NOT NULL CHECK (mode IN ('incremental', 'full')),
        status text NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        duration_ms integer,
        rows_read integer NOT NULL DEFAULT 0,
        rows_inserted integer NOT NULL DEFAULT 0,
        rows_updated integer NOT NULL DEFAULT 0,
        rows_unchanged integer NOT NULL DEFAULT 0,
        rows_deleted integer NOT NULL DEFAULT 0,
        rows_quarantined integer NOT NULL DEFAULT 0,
        error text,
        details jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(
      'CREATE INDEX sync_runs_source_started_idx ON ops.sync_runs (source, started_at DESC)',
    );

    await q.query(`
      CREATE TABLE ops.job_runs (
        id bigserial PRIMARY KEY,
        job_name text NOT NULL,
        status text NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'skipped')),
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        duration_ms integer,
        triggered_by text NOT NULL,
        details jsonb NOT NULL DEFAULT '{}',
        error text
      )`);
    await q.query(
      'CREATE INDEX job_runs_job_started_idx ON ops.job_runs (job_name, started_at DESC)',
    );

    await q.query(`
      CREATE TABLE ops.audit_log (
        id bigserial PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor text NOT NULL,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text,
        correlation_id text,
        details jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query('CREATE INDEX audit_log_entity_idx ON ops.audit_log (entity_type, entity_id)');

    await q.query(`
      CREATE TABLE ops.api_keys (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('analyst', 'engineer', 'admin')),
        key_prefix text NOT NULL,
        key_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      )`);

    // Source rows that could not be mapped: kept whole, with the reason, for a person to fix.
    await q.query(`
      CREATE TABLE ops.quarantine (
        id bigserial PRIMARY KEY,
        sync_run_id bigint REFERENCES ops.sync_runs (id),
        source text NOT NULL,
        source_table text NOT NULL,
        source_key text,
        reason text NOT NULL,
        payload jsonb NOT NULL,
        quarantined_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz
      )`);
    await q.query(
      'CREATE INDEX quarantine_open_idx ON ops.quarantine (source_table) WHERE resolved_at IS NULL',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['quarantine', 'api_keys', 'audit_log', 'job_runs', 'sync_runs']) {
      await q.query(`DROP TABLE IF EXISTS ops.${table}`);
    }
  }
}
