import 'reflect-metadata';
import {
  ApiKeyDto,
  ApiKeyService,
  CoreModule,
  DEFAULT_API_KEY_ROLE,
  EmbeddedDatabaseInUseException,
} from '@revops/core';
import type { ApiKeyStatus } from '@revops/core';
import { API_KEY_ROLES, ApiKeyRole } from '@revops/models';
import { createScriptApp, fail, parseArgs, runScript } from '../lib/cli';

const ACTOR = 'script:03_manage_api_keys';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const USAGE = `
Usage: npm run ts -- scripts/02-database/03_manage_api_keys.ts <list|create|revoke> [options]

Lists, creates and revokes the API keys of /api/v1, as GET/POST /api/v1/keys and
POST /api/v1/keys/{id}/revoke do (the same service). A new key is printed once: only its
SHA-256 hash is stored (ops.api_keys). Creating and revoking are recorded in
ops.audit_log. A revoked key gets 401 from its next request on. Uses DATABASE_URL, else
the embedded PGlite database in PGLITE_DATA_DIR; while another process (npm run demo,
npm start) holds that directory this script refuses, naming the process: stop it, or use
the running app's API with an admin key.

Commands:
  list     every key, newest first: id, name, role, prefix, created, last used, revoked
           --status active|revoked   only those
  create   --name NAME               who or what the key is for (required)
           --role ROLE               ${API_KEY_ROLES.join(', ')} (default ${DEFAULT_API_KEY_ROLE})
  revoke   --id ID                   the key's id, as list shows it

Options:
  --json   print JSON instead of a table (list, create, revoke)
  --help   this text

Examples:
  npm run ts -- scripts/02-database/03_manage_api_keys.ts list --status active
  npm run ts -- scripts/02-database/03_manage_api_keys.ts create --name crm-sync --role engineer
  npm run ts -- scripts/02-database/03_manage_api_keys.ts revoke --id 0b6f0c3e-5d1e-4a43-9d36-3f1f5a1c2b7e
`;

runScript(async () => {
  const [command, ...rest] = process.argv.slice(2);
  const args = parseArgs(command?.startsWith('--') ? [command, ...rest] : rest, USAGE);
  if (!['list', 'create', 'revoke'].includes(command)) {
    fail(command ? `unknown command "${command}"` : 'a command is required', USAGE);
  }
  const json = args.get('json') === 'true';
  const run = checkedCommand(command, args);

  const app = await createScriptApp(CoreModule.forRoot('scripts', { http: false })).catch(
    (error: unknown) => {
      if (!(error instanceof EmbeddedDatabaseInUseException)) throw error;
      fail(
        `${error.message} The running app manages keys with an admin key: GET and ` +
          'POST /api/v1/keys, POST /api/v1/keys/{id}/revoke.',
      );
    },
  );
  try {
    await run(app.get(ApiKeyService), json);
  } finally {
    await app.close();
  }
});

type Command = (keys: ApiKeyService, json: boolean) => Promise<void>;

/** The command with its options checked before the database is opened. */
function checkedCommand(command: string, args: Map<string, string>): Command {
  const only = (allowed: string[]): void => {
    const unknown = [...args.keys()].filter((name) => ![...allowed, 'json'].includes(name));
    if (unknown.length) fail(`${command} does not take --${unknown.join(', --')}`, USAGE);
  };
  if (command === 'list') {
    only(['status']);
    const status = args.get('status') as ApiKeyStatus | undefined;
    if (status !== undefined && !['active', 'revoked'].includes(status)) {
      fail('--status must be active or revoked', USAGE);
    }
    return (keys, json) => list(keys, status, json);
  }
  if (command === 'create') {
    only(['name', 'role']);
    const name = args.get('name');
    if (!name || name === 'true') fail('--name is required', USAGE);
    const role = args.get('role') as ApiKeyRole | undefined;
    if (role !== undefined && !API_KEY_ROLES.includes(role)) {
      fail(`--role must be one of ${API_KEY_ROLES.join(', ')}`);
    }
    return async (keys, json) => {
      const key = await keys.create(name, role, ACTOR);
      if (json) return console.log(JSON.stringify(key, null, 2));
      console.log(`Created ${key.role} key "${key.name}" (id ${key.id}, prefix ${key.prefix}).`);
      console.log('Store it now; it is not shown again:\n');
      console.log(key.key);
    };
  }
  only(['id']);
  const id = args.get('id');
  if (!id || !UUID.test(id)) fail('--id must be a key id, as the list command shows it', USAGE);
  return async (keys, json) => {
    const key = await keys.revoke(id, ACTOR);
    if (json) return console.log(JSON.stringify(key, null, 2));
    console.log(`Revoked ${key.role} key "${key.name}" (id ${key.id}, prefix ${key.prefix}) at ${key.revokedAt}.`); // prettier-ignore
  };
}

async function list(keys: ApiKeyService, status: ApiKeyStatus | undefined, json: boolean) {
  const all: ApiKeyDto[] = [];
  let cursor: string | undefined;
  do {
    const page = await keys.list({ status, limit: 500, cursor });
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  if (json) return console.log(JSON.stringify(all, null, 2));
  if (!all.length) return console.log(status ? `No ${status} keys.` : 'No keys yet.');
  console.table(
    all.map((key) => ({
      id: key.id,
      name: key.name,
      role: key.role,
      prefix: key.prefix,
      created: key.createdAt,
      'last used': key.lastUsedAt ?? '',
      revoked: key.revokedAt ?? '',
    })),
  );
  console.log(`${all.length} key(s).`);
}
