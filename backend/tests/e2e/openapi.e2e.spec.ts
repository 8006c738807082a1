import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import createClient from 'openapi-fetch';
import type { paths } from '../../../docs/02-api/openapi';
import { REPO_ROOT } from '../fixtures/paths';
import { freePort, Running, start, stop, tsNodeArgs, waitFor } from '../fixtures/processes';
import { describeWithDatabase, useTestDatabase } from '../fixtures/test-database';

const COMMITTED = join(REPO_ROOT, 'docs/02-api/openapi.json');

/** The API's contract as a client meets it: the document served, committed, linted and used. */
describeWithDatabase(
  'the OpenAPI document',
  () => {
    const database = useTestDatabase('postgres');
    let app: Running | undefined;
    let baseUrl: string;
    let key: string;

    beforeAll(async () => {
      const env = { DATABASE_URL: database.url, LOG_LEVEL: 'warn' };
      const script = start(
        process.execPath,
        tsNodeArgs('scripts/02-database/03_manage_api_keys.ts', 'create', '--name', 'openapi-e2e', '--role', 'engineer'), // prettier-ignore
        env,
      );
      if ((await script.exited) !== 0) throw new Error(`key script failed: ${script.output()}`);
      key = /^(rvo_\S+)$/m.exec(script.output())?.[1] ?? '';
      const port = await freePort();
      baseUrl = `http://127.0.0.1:${port}`;
      app = start(
        process.execPath,
        tsNodeArgs('backend/services/06-api/src/all-in-one/all-in-one.main.ts'),
        { ...env, PORT: String(port), SYNC_SCHEDULES_ENABLED: 'false' },
      );
      const running = app;
      await waitFor('the all-in-one process to answer /health', running, async () => {
        const response = await fetch(`${baseUrl}/health`).catch(() => null);
        return response?.ok ? true : undefined;
      });
    });
    afterAll(() => app && stop(app, 'SIGTERM'));

    it('is served at /api/docs-json, lists every /api/v1 route, and equals the committed one', async () => {
      const served = (await (await fetch(`${baseUrl}/api/docs-json`)).json()) as {
        paths: Record<string, unknown>;
      };
      expect(served).toEqual(JSON.parse(readFileSync(COMMITTED, 'utf8')));
      expect(Object.keys(served.paths).length).toBeGreaterThanOrEqual(20);
      expect(Object.keys(served.paths).every((path) => path.startsWith('/api/v1/'))).toBe(true);
      const ui = await fetch(`${baseUrl}/api/docs`);
      expect(ui.status).toBe(200);
      expect(ui.headers.get('content-type')).toMatch(/text\/html/);
    });

    it('passes the Redocly linter', () => {
      const lint = spawnSync(
        join(REPO_ROOT, 'node_modules/.bin/redocly'),
        ['lint', COMMITTED, '--format=summary'],
        { cwd: REPO_ROOT, encoding: 'utf8' },
      );
      expect(`${lint.stdout}${lint.stderr}`).toContain('Your API description is valid');
      expect(lint.status).toBe(0);
    });

    it('drives the API through a client generated from it: start a transform, follow its run', async () => {
      const api = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${key}` } });

      const rules = await api.GET('/api/v1/validate/rules');
      expect(rules.response.status).toBe(200);
      expect(rules.data?.length).toBeGreaterThan(0);

      const started = await api.POST('/api/v1/transform/{entity}', {
        params: { path: { entity: 'all' } },
      });
      expect(started.response.status).toBe(202);
      const runId = started.data?.id ?? '';
      expect(started.data).toEqual({
        id: runId,
        kind: 'transform',
        status: 'running',
        links: { run: `/api/v1/transform/runs/${runId}` },
      });

      const finished = await waitFor('the transform run to finish', app as Running, async () => {
        const run = await api.GET('/api/v1/transform/runs/{id}', {
          params: { path: { id: runId } },
        });
        return run.data?.status === 'running' ? undefined : run.data;
      });
      expect(finished).toMatchObject({ id: runId, kind: 'transform', status: 'succeeded' });
      expect(typeof finished?.counts).toBe('object');

      const refused = await api.GET('/api/v1/matches', {
        params: { query: { limit: 0 } },
      });
      expect(refused.response.status).toBe(400);
      expect(refused.error).toMatchObject({ statusCode: 400, error: 'invalid_input' });
    });

    it('is current: the code, the plugin metadata, the document and its types agree', () => {
      const check = spawnSync(
        process.execPath,
        tsNodeArgs('scripts/07-api/01_generate_openapi.ts', '--check'),
        { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'error' } },
      );
      expect(`${check.stdout}${check.stderr}`).toContain('up to date');
      expect(check.status).toBe(0);
    });
  },
  'postgres',
);
