import { describeUrl, InvalidInputException } from '@revops/core';
import { Client } from 'pg';
import { fail, parseArgs, runScript } from '../lib/cli';

const USAGE = `
Usage: npm run ts -- scripts/02-database/01_create_database.ts [--url postgres://user@host:5432/revops]

Creates the PostgreSQL database named in the URL (default: DATABASE_URL) when it does not
exist yet, and enables the pgvector extension in it. Idempotent. The role in the URL must
be allowed to create databases. Run 02_run_migrations.ts next.

Options:
  --url URL   database to create (default: DATABASE_URL)
  --help      this text

Example:
  DATABASE_URL=postgres://postgres@127.0.0.1:5432/revops npm run ts -- scripts/02-database/01_create_database.ts
`;

runScript(async () => {
  const args = parseArgs(process.argv.slice(2), USAGE);
  const url = args.get('url') ?? process.env.DATABASE_URL;
  if (!url) fail('no database given: set DATABASE_URL or pass --url', USAGE);
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(name)) {
    throw new InvalidInputException(`database name "${name}" must be a plain identifier`);
  }

  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const admin = new Client({ connectionString: maintenance.toString() });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) console.log(`Database ${describeUrl(url)} exists already.`);
    else {
      await admin.query(`CREATE DATABASE "${name}"`);
      console.log(`Created database ${describeUrl(url)}.`);
    }
  } finally {
    await admin.end();
  }

  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      "SELECT default_version FROM pg_available_extensions WHERE name = 'vector'",
    );
    if (rows.length === 0) {
      fail(
        'pgvector is not installed on this PostgreSQL server. ' +
          'Run scripts/01-setup/01_install_postgres_pgvector.sh (as root) on the server.',
      );
    }
    await client.query('CREATE EXTENSION IF NOT EXISTS vector');
    const [{ extversion }] = (
      await client.query("SELECT extversion FROM pg_extension WHERE extname = 'vector'")
    ).rows;
    console.log(`pgvector ${extversion} enabled. Next: scripts/02-database/02_run_migrations.ts`);
  } finally {
    await client.end();
  }
});
