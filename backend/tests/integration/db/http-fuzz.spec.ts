import { INestApplication } from '@nestjs/common';
import { ApiKeyService } from '@revops/core';
import { KeysModule, OpsApiModule } from '@revops/api';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../fixtures/paths';
import { createTestApp, PIPELINE_MODULES } from '../../fixtures/test-app';
import { describeWithDatabase, useTestDatabase } from '../../fixtures/test-database';

/** Malformed requests sent to each route of the OpenAPI document. */
const RUNS_PER_ROUTE = 200;

interface Parameter {
  name: string;
  in: 'path' | 'query';
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: { 'application/json': { schema: { $ref?: string } } } };
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
}

const spec = JSON.parse(
  readFileSync(join(REPO_ROOT, 'docs/02-api/openapi.json'), 'utf8'),
) as Document;
const routes = Object.entries(spec.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, operation]) => ({ path, method, operation })),
);

/** Values a careless or hostile client sends where a string, number, id or date belongs. */
const hostileText = fc.oneof(
  fc.constantFrom(
    '', ' ', '\u0000', 'a\u0000b', '-1', '0', '1.5', '1e309', '9223372036854775808',
    '99999999999999999999999', 'NaN', 'Infinity', 'null', 'true', '[]', '{}', '%00', '%',
    "' OR 1=1 --", '<script>alert(1)</script>', '../../etc/passwd', '2026-W01-1', '%zz', '%E0%A4%A',
    '2026-02-30', '\uD800', '🙂', 'x'.repeat(5000), '0x10', ' 1', 'proposed,,', 'odoo',
  ), // prettier-ignore
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer().map(String),
  fc.double().map(String),
  fc.bigInt().map(String),
);
/** A JSON value for a body field: wrong types, deep nesting, huge numbers, NUL characters. */
const hostileJson = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  hostileText,
  fc.constantFrom(null, true, -1, 0, 1.5, 2 ** 63, [], {}, [[[[[[[[[[[]]]]]]]]]]]),
);

/** Percent-encoded, as a client sends it; a few values go raw, as malformed escapes. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const RAW = new Set(['%', '%zz', '%E0%A4%A', '%00']);
const encode = (value: string): string =>
  RAW.has(value) ? value : encodeURIComponent(value.replace(LONE_SURROGATE, '\uFFFD'));

/** Requests that break the route's contract in one or several ways. */
function requestsFor(path: string, operation: Operation) {
  const names = (where: 'path' | 'query') =>
    (operation.parameters ?? []).filter((p) => p.in === where).map((p) => p.name);
  const ref = operation.requestBody?.content['application/json'].schema.$ref;
  const fields = Object.keys((ref && spec.components.schemas[ref.split('/').pop()!]?.properties) ?? {}); // prettier-ignore
  const pathValues = fc.record(
    Object.fromEntries(names('path').map((name) => [name, fc.oneof(hostileText, fc.constantFrom('1', 'odoo'))])), // prettier-ignore
  );
  const queryName = fc.oneof(fc.constantFrom(...names('query'), 'unknown', '__proto__', 'q[]'), fc.string({ maxLength: 8 })); // prettier-ignore
  const query = fc.array(fc.tuple(queryName, hostileText), { maxLength: 4 });
  const body = fc.oneof(
    fc.dictionary(fc.constantFrom(...fields, 'unknown', '__proto__', 'constructor'), hostileJson, { maxKeys: 4 }), // prettier-ignore
    hostileJson,
    fc.constantFrom('{', '{"a":', 'not json', '\u0000', '[1,2'),
  );
  return fc
    .record({
      auth: fc.constantFrom('admin', 'admin', 'admin', 'admin', 'none', 'bogus'),
      path: pathValues,
      query,
      body: fc.option(body, { nil: undefined }),
      contentType: fc.constantFrom(
        'application/json',
        'application/json',
        'text/plain',
        'application/x-www-form-urlencoded',
        'application/json; charset=utf-16',
      ),
    })
    .map((r) => ({
      ...r,
      url:
      path.replace(/\{(\w+)\}/g, (_, name: string) => encode(String(r.path[name]))) +
      (r.query.length ? `?${r.query.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&')}` : ''), // prettier-ignore
    }));
}

/**
 * Every route of the OpenAPI document gets RUNS_PER_ROUTE malformed requests, generated
 * from the document by fast-check: hostile path values, unknown and mistyped query
 * parameters, wrong-typed or broken bodies, odd content types, no key or a bogus one. No
 * answer may be a 5xx, or name a stack, SQL, a server path or the key.
 */
describeWithDatabase('HTTP fuzz: malformed requests from the OpenAPI document', () => {
  useTestDatabase();
  let app: INestApplication;
  let baseUrl: string;
  let key: string;
  const statuses = new Map<string, Map<number, number>>();

  beforeAll(async () => {
    // Limits on, too high to answer 429: every request goes through the rate-limit guard,
    // which looks its key up before any other check.
    const budget = 1_000_000;
    app = await createTestApp(
      [...PIPELINE_MODULES, KeysModule, OpsApiModule],
      {},
      {
        RATE_LIMIT_ENABLED: true,
        RATE_LIMIT_PER_KEY: budget,
        RATE_LIMIT_SEARCH_PER_KEY: budget,
        RATE_LIMIT_RUNS_PER_KEY: budget,
        RATE_LIMIT_PER_ADDRESS: budget,
      },
    );
    key = (await app.get(ApiKeyService).create('fuzz', 'admin', 'test')).key;
    await app.listen(0, '127.0.0.1');
    baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });
  afterAll(async () => {
    const lines = [...statuses].map(([route, counts]) => {
      const total = [...counts.values()].reduce((a, b) => a + b, 0);
      const byStatus = [...counts].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
      return `${route.padEnd(44)} ${String(total).padStart(4)} requests: ${byStatus.join(' ')}`;
    });
    process.stdout.write(
      `HTTP fuzz, requests per route and their statuses:\n${lines.join('\n')}\n`,
    );
    await app?.close();
  });

  const leaks = (text: string): string | undefined =>
    [
      /\n\s+at \S+ \(/,
      /node_modules/,
      /QueryFailedError|syntax error at or near|violates \w+ constraint/,
      /postgres(ql)?:\/\//,
    ]
      .map((pattern) => pattern.exec(text)?.[0])
      .concat(
        text.includes(REPO_ROOT) ? REPO_ROOT : undefined,
        text.includes(key) ? 'the key' : undefined,
      ) // prettier-ignore
      .find(Boolean);

  it.each(
    routes.map(
      ({ method, path, operation }) =>
        [`${method.toUpperCase()} ${path}`, method, path, operation] as const,
    ),
  )(
    // prettier-ignore
    '%s: no 5xx and nothing leaked',
    async (route, method, path, operation) => {
      const counts = new Map<number, number>();
      statuses.set(route, counts);
      await fc.assert(
        fc.asyncProperty(requestsFor(path, operation), async (r) => {
          const headers: Record<string, string> = { 'content-type': r.contentType };
          if (r.auth === 'admin') headers.authorization = `Bearer ${key}`;
          if (r.auth === 'bogus') headers.authorization = 'Bearer rvo_00000000_bogus';
          const response = await fetch(`${baseUrl}${r.url}`, {
            method: method.toUpperCase(),
            headers,
            body: method === 'get' || r.body === undefined ? undefined : typeof r.body === 'string' ? r.body : JSON.stringify(r.body), // prettier-ignore
          });
          const text = await response.text();
          counts.set(response.status, (counts.get(response.status) ?? 0) + 1);
          if (response.status >= 500 || leaks(text)) {
            throw new Error(`${method.toUpperCase()} ${r.url} → ${response.status}: ${text.slice(0, 300)}`); // prettier-ignore
          }
        }),
        { numRuns: RUNS_PER_ROUTE, endOnFailure: true },
      );
      expect([...counts.values()].reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(
        RUNS_PER_ROUTE,
      );
    },
  );
});
