import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import {
  API_PREFIX,
  ErrorBodyDto,
  OPENAPI_CONFLICT,
  OPENAPI_PUBLIC,
  OPENAPI_ROLES,
} from '@revops/core';
import pluginMetadata from './plugin-metadata';

/** Swagger UI; the document itself is at `/api/docs-json`. */
export const DOCS_PATH = 'api/docs';
export const DOCS_JSON_PATH = 'api/docs-json';

type OperationObject = NonNullable<OpenAPIObject['paths'][string]['get']>;
type ParameterObject = Extract<NonNullable<OperationObject['parameters']>[number], { in: string }>;

const SECURITY = 'apiKey';
/** The body of a route that takes none: `@Body() _body: NoBody` refuses any field. */
const NO_BODY = '#/components/schemas/NoBody';
const ERROR = { $ref: '#/components/schemas/ErrorBodyDto' };
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/**
 * The OpenAPI 3 document of the `/api/v1` routes the app serves, generated from the code:
 * the routes and parameters from the controllers, the shapes from the `*.dto.ts` classes
 * (read by the @nestjs/swagger CLI plugin into plugin-metadata.ts, which
 * `npm run openapi` regenerates), roles from `@Roles`.
 */
export async function createOpenApiDocument(app: INestApplication): Promise<OpenAPIObject> {
  await SwaggerModule.loadPluginMetadata(pluginMetadata);
  const config = new DocumentBuilder()
    .setTitle('RevOps Automation Platform API')
    .setDescription(
      'Odoo CRM and AWS Partner Central (ACE) opportunities: search, matches and their review, ' +
        'and the runs of each pipeline step. Every route needs an API key ' +
        '(`Authorization: Bearer rvo_…`); a route that needs more than the analyst role says ' +
        'which in `x-required-roles`. Lists answer `{items, nextCursor}`: send `nextCursor` ' +
        'back as `cursor` until it is null. Errors answer the ErrorBodyDto shape.',
    )
    .setVersion('1')
    .addServer('/', 'The server this document came from')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An API key, `rvo_…`' }, SECURITY) // prettier-ignore
    .addSecurityRequirements(SECURITY)
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    extraModels: [ErrorBodyDto],
    operationIdFactory: (controller, method) =>
      `${controller.replace(/Controller$/, '').replace(/^./, (c) => c.toLowerCase())}_${method}`,
  });
  return withProductConventions({ ...document, info: { ...document.info, license: { name: 'Proprietary' } } }); // prettier-ignore
}

/** Serves Swagger UI and the JSON document; call before the app is initialised. */
export async function serveOpenApi(app: INestApplication): Promise<void> {
  const document = await createOpenApiDocument(app);
  SwaggerModule.setup(DOCS_PATH, app, document, {
    jsonDocumentUrl: DOCS_JSON_PATH,
    yamlDocumentUrl: 'api/docs-yaml',
  });
}

/**
 * What every route shares and the decorators do not say: the error answers, the roles,
 * optional query parameters that have a default; and a stable order, so the committed
 * document changes only when the API does.
 */
export function withProductConventions(document: OpenAPIObject): OpenAPIObject {
  const paths = Object.fromEntries(
    Object.entries(document.paths)
      .filter(([path]) => path.startsWith(`/${API_PREFIX}/`))
      .sort(([a], [b]) => a.localeCompare(b)),
  );
  for (const [path, item] of Object.entries(paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (operation) describeOperation(path, method, operation);
    }
  }
  const schemas = document.components?.schemas ?? {};
  const used = referencedSchemas(paths, schemas);
  return {
    ...document,
    paths,
    components: {
      ...document.components,
      schemas: Object.fromEntries(
        Object.entries(schemas)
          .filter(([name]) => used.has(name))
          .sort(([a], [b]) => a.localeCompare(b)),
      ),
    },
  };
}

/**
 * The schemas the routes use, directly or through other schemas (not, say, the payload of
 * an event handler, which the scan also meets).
 */
function referencedSchemas(paths: object, schemas: Record<string, unknown>): Set<string> {
  const used = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        const name = key === '$ref' && typeof inner === 'string' ? inner.split('/').pop() : undefined; // prettier-ignore
        if (name && !used.has(name)) {
          used.add(name);
          visit(schemas[name]);
        } else visit(inner);
      }
    }
  };
  visit(paths);
  return used;
}

function describeOperation(path: string, method: string, operation: OperationObject): void {
  const extensions = operation as unknown as Record<string, unknown>;
  const isPublic = extensions[OPENAPI_PUBLIC] === true;
  delete extensions[OPENAPI_PUBLIC];
  const roles = extensions[OPENAPI_ROLES] as string[] | undefined;
  const conflict = extensions[OPENAPI_CONFLICT] as string | undefined;
  delete extensions[OPENAPI_CONFLICT];
  operation.tags = [path.split('/')[3]];
  if (isPublic) operation.security = [];
  if (JSON.stringify(operation.requestBody ?? {}).includes(NO_BODY)) delete operation.requestBody;
  const parameters = (operation.parameters ?? []) as ParameterObject[];
  for (const parameter of parameters) {
    if (parameter.in === 'query' && parameter.schema && 'default' in parameter.schema) {
      parameter.required = false;
    }
  }
  const error = (description: string) => ({
    description,
    content: { 'application/json': { schema: ERROR } },
  });
  const responses = operation.responses;
  responses['400'] ??= error('Bad input: `fields` names each failing field and what is wrong');
  if (!isPublic) responses['401'] ??= error('No API key, or one that is unknown or revoked');
  if (roles) {
    responses['403'] ??= error(`Needs the role ${roles.join(' or ')} (admin may always)`);
    operation.description = [operation.description, `Role: ${roles.join(' or ')} (or admin).`]
      .filter(Boolean)
      .join('\n\n');
  }
  // A record's id can name nothing; a source or an entity outside its list is a 400.
  if (path.includes('{id}')) responses['404'] ??= error('No such record');
  if (conflict) responses['409'] ??= error(conflict);
  // The body parser reads every POST, also on routes that take no body.
  if (method === 'post') {
    responses['413'] ??= error('The body is over 100 KiB');
    responses['415'] ??= error('The body is not JSON in UTF-8');
  }
  responses['429'] ??= {
    ...error('Over the rate limit; retry after `Retry-After` seconds'),
    headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } },
  };
  responses['500'] ??= error('A fault here: quote the correlation id when reporting it');
}
