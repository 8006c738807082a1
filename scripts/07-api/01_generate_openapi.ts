import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { configureHttpApp, createLogger, WinstonNestLogger } from '@revops/core';
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fail, parseArgs, runScript } from '../lib/cli';
import {
  generatePluginMetadata,
  METADATA_PATH,
  OPENAPI_JSON_PATH,
  OPENAPI_TYPES_PATH,
  openApiJson,
  openApiTypes,
} from '../lib/openapi';

const USAGE = `
Usage: npm run openapi [-- --check]

Regenerates the API's OpenAPI document from the code: first what the @nestjs/swagger CLI
plugin reads from the *.dto.ts classes and the controllers
(backend/services/06-api/src/openapi/plugin-metadata.ts), then the document of every
/api/v1 route the all-in-one process serves (docs/02-api/openapi.json, also served at
/api/docs-json), and its TypeScript types for typed clients (docs/02-api/openapi.d.ts,
openapi-typescript). Run it after changing a route or a DTO and commit both files; a test
fails while either is stale. Uses an in-memory database; needs no server.

Options:
  --check         change nothing; exit 1 naming each file that is not up to date
  --help          this text
`;

runScript(async () => {
  const check = parseArgs(process.argv.slice(2), USAGE).has('check');
  const stale: string[] = [];
  const update = (path: string, text: string) => {
    let current = '';
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      // not generated yet
    }
    if (current === text) return;
    stale.push(relative(process.cwd(), path));
    if (!check) writeFileSync(path, text);
  };

  update(METADATA_PATH, generatePluginMetadata());
  // Loaded only now, so the document is made from the metadata just written (`require`:
  // `import()` would resolve as an ES module, without the TypeScript paths).
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { createOpenApiDocument } = require('@revops/api/openapi/openapi') as typeof import('@revops/api/openapi/openapi'); // prettier-ignore
  const { AllInOneModule } = require('@revops/api/all-in-one/all-in-one.module') as typeof import('@revops/api/all-in-one/all-in-one.module'); // prettier-ignore
  /* eslint-enable @typescript-eslint/no-require-imports */
  process.env.DATABASE_URL = '';
  process.env.PGLITE_DATA_DIR = 'memory://';
  const app = configureHttpApp(
    await NestFactory.create(AllInOneModule, {
      logger: new WinstonNestLogger(createLogger('scripts', 'warn')),
      abortOnError: false,
    }),
  );
  let json: string;
  try {
    json = openApiJson(await createOpenApiDocument(app));
  } finally {
    await app.close();
  }
  update(OPENAPI_JSON_PATH, json);
  update(OPENAPI_TYPES_PATH, await openApiTypes(json));

  if (check && stale.length) fail(`not up to date (run npm run openapi): ${stale.join(', ')}`);
  console.log(stale.length ? `written: ${stale.join(', ')}` : 'up to date');
});
