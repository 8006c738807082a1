import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { serveWebApp } from '@revops/api';
import { configureHttpApp, CoreModule, createLogger, WinstonNestLogger } from '@revops/core';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { describeWithDatabase, useTestDatabase } from '../../fixtures/test-database';

/** An app serving a web app folder as 06-api and the all-in-one process do (before init). */
async function appServing(dir: string): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({ imports: [CoreModule.forRoot('test')] })
    .setLogger(new WinstonNestLogger(createLogger('test', 'error')))
    .compile();
  const app = configureHttpApp(moduleRef.createNestApplication());
  serveWebApp(app, dir);
  await app.init();
  return app;
}

// HTTP only: the database is there because every app has one, so PostgreSQL alone will do.
describeWithDatabase('the web app, served beside the API', () => {
  useTestDatabase();
  let app: INestApplication;
  let bare: INestApplication;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'revops-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1);\n'.repeat(500));
    app = await appServing(dir);
    bare = await appServing(join(dir, 'not-built'));
  });
  afterAll(async () => {
    await app?.close();
    await bare?.close();
  });

  const page = (target: INestApplication, path: string) =>
    request(target.getHttpServer()).get(path).set('Accept', 'text/html,*/*');

  it('answers / and any page path with index.html, uncached, under a strict content policy', async () => {
    for (const path of ['/', '/review/42', '/operations?x=1']) {
      const answer = await page(app, path).expect(200);
      expect(answer.text).toContain('<div id="root">');
      expect(answer.headers['cache-control']).toBe('no-cache');
      expect(answer.headers['content-security-policy']).toContain("script-src 'self'");
      expect(answer.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    }
  });

  it('sends index.html asked for by its name with the same headers as any page', async () => {
    for (const method of ['get', 'head'] as const) {
      const answer = await request(app.getHttpServer())[method]('/index.html').expect(200);
      expect(answer.headers['content-security-policy']).toContain("script-src 'self'");
      expect(answer.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(answer.headers['referrer-policy']).toBe('no-referrer');
      expect(answer.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves the hashed assets cached for a year', async () => {
    const answer = await request(app.getHttpServer()).get('/assets/index-abc123.js').expect(200);
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(answer.headers['content-type']).toMatch(/javascript/);
  });

  it('compresses the app for a browser that accepts it, and leaves the API as it was', async () => {
    const asset = await request(app.getHttpServer())
      .get('/assets/index-abc123.js')
      .set('Accept-Encoding', 'gzip')
      .expect(200);
    expect(asset.headers['content-encoding']).toBe('gzip');
    expect(asset.text).toBe('console.log(1);\n'.repeat(500));
    const api = await request(app.getHttpServer())
      .get('/api/v1/no-such-route')
      .set('Accept-Encoding', 'gzip')
      .expect(404);
    expect(api.headers['content-encoding']).toBeUndefined();
  });

  it('leaves the API its own answers: JSON errors, never the page', async () => {
    const unknown = await page(app, '/api/v1/no-such-route').expect(404);
    expect(unknown.body).toMatchObject({ statusCode: 404 });
    await page(app, '/health/live').expect(200);
    // A client asking for JSON at a page path gets the API's 404, not HTML.
    const json = await request(app.getHttpServer()).get('/review/42').set('Accept', 'application/json'); // prettier-ignore
    expect(json.status).toBe(404);
    expect(json.headers['content-type']).toMatch(/json/);
  });

  it('says how to build the app when there is none, and still serves the API', async () => {
    const answer = await page(bare, '/').expect(503);
    expect(answer.text).toContain('npm run build:web');
    await page(bare, '/health/live').expect(200);
    expect((await page(bare, '/api/v1/anything').expect(404)).body).toMatchObject({ statusCode: 404 }); // prettier-ignore
  });
});
