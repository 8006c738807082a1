import 'reflect-metadata';
import { ApiKeyService, CoreModule } from '@revops/core';
import { API_KEY_ROLES, ApiKeyRole } from '@revops/models';
import { createScriptApp, fail, parseArgs, runScript } from '../lib/cli';

const USAGE = `
Usage: npm run ts -- scripts/02-database/03_create_api_key.ts --name NAME [--role analyst|engineer|admin]

Creates an API key for /api/v1 and prints it once: only its SHA-256 hash is stored
(ops.api_keys), so a lost key cannot be shown again, only replaced. The creation is
recorded in ops.audit_log. Uses DATABASE_URL, else the embedded PGlite database in
PGLITE_DATA_DIR.

Options:
  --name NAME   who or what the key is for, e.g. "crm-sync" or "ana.souza" (required)
  --role ROLE   analyst (default), engineer or admin
  --help        this text

Example:
  npm run ts -- scripts/02-database/03_create_api_key.ts --name ana.souza --role analyst
`;

runScript(async () => {
  const args = parseArgs(process.argv.slice(2), USAGE);
  const name = args.get('name');
  if (!name || name === 'true') fail('--name is required', USAGE);
  const role = (args.get('role') ?? 'analyst') as ApiKeyRole;
  if (!API_KEY_ROLES.includes(role)) fail(`--role must be one of ${API_KEY_ROLES.join(', ')}`);

  const app = await createScriptApp(CoreModule.forRoot('scripts'));
  try {
    const key = await app.get(ApiKeyService).create(name, role, 'script:03_create_api_key');
    console.log(`Created ${key.role} key "${key.name}" (id ${key.id}, prefix ${key.prefix}).`);
    console.log('Store it now; it is not shown again:\n');
    console.log(key.key);
  } finally {
    await app.close();
  }
});
