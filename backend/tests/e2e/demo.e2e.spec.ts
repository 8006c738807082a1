import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  freePort,
  getJson,
  Running,
  start,
  stop,
  tsNodeArgs,
  waitFor,
} from '../fixtures/processes';

interface SearchBody {
  hits: { source: 'odoo' | 'ace'; id: string; title: string; score: number }[];
}

/** `npm run demo` as a person runs it: one command, no server, data kept across restarts. */
describe('npm run demo', () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'revops-demo-')), 'pglite');
  const keyFile = join(dataDir, 'demo-admin.key');
  let port: number;
  let demo: Running | undefined;
  /** What the first start left for the second: its admin key, and keys made meanwhile. */
  const firstRun: { adminKey?: string; apiKey?: string; scriptKey?: string } = {};
  /** The first test's demo, left serving for the second. */
  let serving: { key: string; url: string; output: string } | undefined;

  const runDemo = async (): Promise<{ key: string; url: string; output: string }> => {
    if (demo) await stop(demo);
    demo = start(
      'npm',
      ['run', '-s', 'demo', '--', '--port', String(port), '--data-dir', dataDir],
      {
        DATABASE_URL: '',
        LOG_LEVEL: 'warn',
      },
    );
    const running = demo;
    const curl = await waitFor('the demo to print its curl command', running, () => {
      const match = /Bearer (rvo_\S+)" "(http:\/\/\S+)"/.exec(running.output());
      return match ? { key: match[1], url: match[2] } : undefined;
    });
    return { ...curl, output: running.output() };
  };

  /** The key script on the demo's data directory, run to its end. */
  const keyScript = async (...args: string[]): Promise<{ code: number | null; output: string }> => {
    const script = start(
      process.execPath,
      tsNodeArgs('scripts/02-database/03_manage_api_keys.ts', ...args),
      { DATABASE_URL: '', PGLITE_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    );
    const code = await script.exited;
    return { code, output: script.output() };
  };

  beforeAll(async () => {
    port = await freePort();
  });
  afterAll(async () => {
    if (demo) await stop(demo);
  });

  it('serves a keyed search with hits from both Odoo and ACE, and 401 without the key', async () => {
    serving = await runDemo();
    const { key, url, output } = serving;
    expect(url).toBe(
      `http://localhost:${port}/api/v1/search/opportunities?q=data+warehouse+migration`,
    );
    expect(output).toMatch(/ingest odoo\s+\d+\s+\d+/);
    expect(output).toContain(`Created an admin API key ${key.slice(0, 12)}…, kept (owner-only) in ${keyFile}`); // prettier-ignore
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    firstRun.adminKey = key;

    const keyed = await getJson<SearchBody>(url, key);
    expect(keyed.status).toBe(200);
    expect(new Set(keyed.body.hits.map((hit) => hit.source))).toEqual(new Set(['odoo', 'ace']));
    expect(keyed.body.hits[0].title.toLowerCase()).toMatch(/data warehouse|dwh/);

    expect((await getJson(url)).status).toBe(401);
    expect((await getJson(`http://localhost:${port}/health`)).status).toBe(200);
  });

  it('refuses to run the key script while the demo holds its database, naming the demo', async () => {
    expect(serving).toBeDefined();
    const key = serving?.key;
    const script = await keyScript('create', '--name', 'while-demo-runs');
    expect(script.code).not.toBe(0);
    expect(script.output).toMatch(
      new RegExp(
        `error: the embedded database in ${dataDir} is in use by process \\d+ \\(npm run demo: 01_demo\\.ts\\); ` +
          "stop it, or use the running app's API\\. .* The running app manages keys with an " +
          'admin key: GET and POST /api/v1/keys',
      ),
    );
    expect(script.output).not.toMatch(/rvo_\w{8}_/);

    // What the message points to: the running demo's API, with its admin key.
    const response = await fetch(`http://localhost:${port}/api/v1/keys`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'made-over-http', role: 'analyst' }),
    });
    expect(response.status).toBe(201);
    firstRun.apiKey = ((await response.json()) as { key: string }).key;
  });

  it('lets the key script write once the demo has stopped', async () => {
    if (demo) await stop(demo);
    const script = await keyScript('create', '--name', 'after-demo');
    expect(script.code).toBe(0);
    expect(script.output).toContain('Created analyst key "after-demo"'); // the default role
    firstRun.scriptKey = /^(rvo_\S+)$/m.exec(script.output)?.[1];
    expect(firstRun.scriptKey).toBeDefined();
  });

  it('finds its data again after a restart, reusing its admin key and the keys made meanwhile', async () => {
    const { key, url, output } = await runDemo();
    expect(output).toMatch(
      /transformed: 0 Odoo \+ 0 ACE opportunities; validated: .*; embedded: 0 of \d+/,
    );
    expect(key).toBe(firstRun.adminKey);
    expect(output).toContain(`Reusing the admin API key ${key.slice(0, 12)}… kept in ${keyFile}`);
    const keyed = await getJson<SearchBody>(url, key);
    expect(keyed.status).toBe(200);
    expect(keyed.body.hits.length).toBeGreaterThan(0);
    expect((await getJson(url, firstRun.apiKey)).status).toBe(200);
    expect((await getJson(url, firstRun.scriptKey)).status).toBe(200);

    const listed = await getJson<{ items: { name: string }[] }>(
      `http://localhost:${port}/api/v1/keys?status=active`,
      key,
    );
    expect(listed.body.items.map((item) => item.name).sort()).toEqual([
      'after-demo',
      'demo-admin',
      'made-over-http',
    ]);
  });
});
