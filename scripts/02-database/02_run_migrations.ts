import { CoreConfig, createDatabase, migrationStatus, runMigrations } from '@revops/core';
import { configOrExit, parseArgs, runScript } from '../lib/cli';

const USAGE = `
Usage: npm run ts -- scripts/02-database/02_run_migrations.ts [--check]

Applies every pending migration to the database the services use: DATABASE_URL when set,
otherwise the embedded PGlite database in PGLITE_DATA_DIR (default .data/pglite). Safe
to run while services boot: on PostgreSQL an advisory lock serialises migrators.

Options:
  --check   list applied and pending migrations, change nothing (exit 2 if any pending)
  --help    this text

Example:
  DATABASE_URL=postgres://postgres@127.0.0.1:5432/revops npm run ts -- scripts/02-database/02_run_migrations.ts
`;

runScript(async () => {
  const args = parseArgs(process.argv.slice(2), USAGE);
  const config = configOrExit(CoreConfig);
  const database = await createDatabase(config, 'revops-migrations');
  try {
    console.log(`Database: ${database.location}`);
    if (args.has('check')) {
      const status = await migrationStatus(database);
      for (const m of status) console.log(`  ${m.applied ? 'applied' : 'PENDING'}  ${m.name}`);
      const pending = status.filter((m) => !m.applied).length;
      console.log(pending ? `${pending} pending.` : 'Up to date.');
      process.exitCode = pending ? 2 : 0;
      return;
    }
    const applied = await runMigrations(database);
    for (const name of applied) console.log(`  applied  ${name}`);
    console.log(
      applied.length ? `${applied.length} migration(s) applied.` : 'Up to date: nothing to apply.',
    );
  } finally {
    await database.close();
  }
});
