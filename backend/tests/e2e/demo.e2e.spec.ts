import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, getJson, Running, start, stop, waitFor } from '../fixtures/processes';

interface SearchBody {
  hits: { source: 'odoo' | 'ace'; id: string; title: string; score: number }[];
}

/** `npm run demo` as a person runs it: one command, no server, data kept across restarts. */
describe('npm run demo', () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'revops-demo-')), 'pglite');
  let port: number;
  let demo: Running | undefined;

  const runDemo = async (): Promise<{ key: string; url: string; output: string }> => {
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

  beforeAll(async () => {
    port = await freePort();
  });
  afterEach(async () => {
    if (demo) await stop(demo);
  });

  it('serves a keyed search with hits from both Odoo and ACE, and 401 without the key', async () => {
    const { key, url, output } = await runDemo();
    expect(url).toBe(
      `http://localhost:${port}/api/v1/search/opportunities?q=data+warehouse+migration`,
    );
    expect(output).toMatch(/ingest odoo\s+\d+\s+\d+/);

    const keyed = await getJson<SearchBody>(url, key);
    expect(keyed.status).toBe(200);
    expect(new Set(keyed.body.hits.map((hit) => hit.source))).toEqual(new Set(['odoo', 'ace']));
    expect(keyed.body.hits[0].title.toLowerCase()).toMatch(/data warehouse|dwh/);

    expect((await getJson(url)).status).toBe(401);
    expect((await getJson(`http://localhost:${port}/health`)).status).toBe(200);
  });

  it('finds its data again after a restart, with nothing to redo', async () => {
    const { key, url, output } = await runDemo();
    expect(output).toMatch(
      /transformed: 0 Odoo \+ 0 ACE opportunities; validated: .*; embedded: 0 of \d+/,
    );
    const keyed = await getJson<SearchBody>(url, key);
    expect(keyed.status).toBe(200);
    expect(keyed.body.hits.length).toBeGreaterThan(0);
  });
});
