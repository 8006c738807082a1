import { PluginMetadataGenerator } from '@nestjs/cli/lib/compiler/plugins/plugin-metadata-generator';
import { ReadonlyVisitor } from '@nestjs/swagger/plugin';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import * as ts from 'typescript';

const ROOT = join(__dirname, '..', '..');
const METADATA_DIR = join(ROOT, 'backend/services/06-api/src/openapi');
export const METADATA_PATH = join(METADATA_DIR, 'plugin-metadata.ts');
export const OPENAPI_JSON_PATH = join(ROOT, 'docs/02-api/openapi.json');
export const OPENAPI_TYPES_PATH = join(ROOT, 'docs/02-api/openapi.d.ts');

/**
 * What the @nestjs/swagger CLI plugin reads from the code (every `*.dto.ts` class's
 * properties, types, optionality, class-validator limits and doc comments; every
 * controller method's answer type), as the text of plugin-metadata.ts. The processes run
 * on transpile-only TypeScript, where the plugin cannot run at compile time: they load
 * this generated file instead (the way Nest documents for SWC builds).
 */
export function generatePluginMetadata(): string {
  const filename = `plugin-metadata.${process.pid}.tmp.ts`;
  const written = join(METADATA_DIR, filename);
  try {
    new PluginMetadataGenerator().generate({
      visitors: [
        new ReadonlyVisitor({
          pathToSource: METADATA_DIR,
          introspectComments: true,
          classValidatorShim: true,
          dtoFileNameSuffix: ['.dto.ts'],
          controllerFileNameSuffix: ['.controller.ts'],
        }),
      ],
      outputDir: METADATA_DIR,
      filename,
      tsProgramRef: buildProgram(),
    });
    if (!existsSync(written)) throw new Error('the Swagger plugin wrote no metadata');
    // The printer writes `import("…")`, which Node resolves as ES modules from CommonJS
    // (no extension, no .ts): the same modules by require, which ts-node and Jest load.
    return readFileSync(written, 'utf8').replace(
      /\bimport\(("[^"]+")\)/g,
      'Promise.resolve(require($1))',
    );
  } finally {
    rmSync(written, { force: true });
  }
}

/** The project's program as tsconfig.build.json has it (type errors are `npm run typecheck`'s). */
function buildProgram(): ts.Program {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    join(ROOT, 'tsconfig.build.json'),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(String(d.messageText)); } }, // prettier-ignore
  );
  if (!parsed) throw new Error('tsconfig.build.json cannot be read');
  return ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
}

/** The document as committed: two-space JSON and a final newline. */
export const openApiJson = (document: unknown): string => `${JSON.stringify(document, null, 2)}\n`;

/** The document's TypeScript types (`paths`, `components`) for a typed client such as openapi-fetch. */
export async function openApiTypes(json: string): Promise<string> {
  const types = astToString(await openapiTS(JSON.parse(json) as Parameters<typeof openapiTS>[0]));
  return `// Generated from openapi.json by npm run openapi; do not edit.\n${types}`;
}
