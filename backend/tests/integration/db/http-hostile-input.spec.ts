import { INestApplication } from '@nestjs/common';
import { ApiKeyService, JobRunsService } from '@revops/core';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createTestApp, PIPELINE_MODULES } from '../../fixtures/test-app';
import { describeWithDatabase, useTestDatabase } from '../../fixtures/test-database';

/**
 * The nine kinds of input that answered HTTP 500 (issue 16), each with the 4xx it gets
 * now. The body of every answer is checked for what must never leak.
 */
describeWithDatabase('HTTP: hostile input gets a 4xx, never a 500', () => {
  useTestDatabase();
  let app: INestApplication;
  let auth: string;

  beforeAll(async () => {
    app = await createTestApp(PIPELINE_MODULES);
    auth = `Bearer ${(await app.get(ApiKeyService).create('hostile', 'admin', 'test')).key}`;
  });
  afterAll(() => app?.close());

  const server = () => request(app.getHttpServer());
  /** Asserts the status and that the body names no SQL, stack or key. */
  const expectAnswer = (response: request.Response, status: number, field?: string) => {
    expect({ status: response.status, body: response.body }).toMatchObject({ status });
    const text = JSON.stringify(response.body);
    expect(text).not.toMatch(/\bat \w+ \(|SELECT |INSERT |rvo_|node_modules/);
    if (field) expect(text).toContain(field);
  };

  it('answers a JSON body over 100 KiB with 413, with or without a key', async () => {
    const big = JSON.stringify({ note: 'x'.repeat(110 * 1024) });
    for (const withKey of [true, false]) {
      const call = server().post('/api/v1/matching/run').set('Content-Type', 'application/json');
      if (withKey) call.set('Authorization', auth);
      expectAnswer(await call.send(big), 413);
    }
  });

  it('answers a body that says gzip but is not with 400', async () => {
    const response = await server()
      .post('/api/v1/matches/1/approve')
      .set('Authorization', auth)
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'gzip')
      .send('{"version": 1}');
    expectAnswer(response, 400);
  });

  it('answers an unknown charset with 415', async () => {
    const response = await server()
      .post('/api/v1/matches/1/approve')
      .set('Authorization', auth)
      .set('Content-Type', 'application/json; charset=bogus')
      .send('{"version": 1}');
    expectAnswer(response, 415);
  });

  it('answers an array nested 5,000 deep with 400', async () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const response = await server()
      .post('/api/v1/matches/1/approve')
      .set('Authorization', auth)
      .set('Content-Type', 'application/json')
      .send(`{"version": 1, "note": ${deep}}`);
    expectAnswer(response, 400);
  });

  it('answers a NUL character with 400 naming the field', async () => {
    const get = (path: string) => server().get(path).set('Authorization', auth);
    expectAnswer(await get('/api/v1/search/opportunities?q=a%00b'), 400, 'q');
    expectAnswer(await get('/api/v1/search/opportunities?q=a&stage=Won%00'), 400, 'stage');
    expectAnswer(await get('/api/v1/matches?aceId=O1%00'), 400, 'aceId');
    expectAnswer(await get('/api/v1/matches?cursor=1%00'), 400, 'cursor');
    const note = await server()
      .post('/api/v1/matches/1/approve')
      .set('Authorization', auth)
      .send({ version: 1, note: 'ok\u0000' });
    expectAnswer(note, 400, 'note');
  });

  it('answers an id or cursor of 2^63 or more, or 1.5, with 400 on every route that takes one', async () => {
    const get = (path: string) => server().get(path).set('Authorization', auth);
    const post = (path: string) => server().post(path).set('Authorization', auth).send({ version: 1 }); // prettier-ignore
    for (const id of ['9223372036854775808', '99999999999999999999', '1.5']) {
      for (const path of [
        `/api/v1/matches/${id}`,
        `/api/v1/ingestion/runs/${id}`,
        `/api/v1/transform/runs/${id}`,
        `/api/v1/validate/runs/${id}`,
        `/api/v1/matching/runs/${id}`,
        `/api/v1/matches?cursor=${id}`,
        `/api/v1/ingestion/runs?cursor=${id}`,
      ]) {
        expectAnswer(await get(path), 400);
      }
      expectAnswer(await post(`/api/v1/matches/${id}/approve`), 400);
      expectAnswer(await post(`/api/v1/matches/${id}/reject`), 400);
    }
  });

  it('answers a date the database cannot read with 400', async () => {
    const response = await server()
      .get('/api/v1/search/opportunities?q=crm&closeDateFrom=2026-W01-1')
      .set('Authorization', auth);
    expectAnswer(response, 400, 'closeDateFrom');
  });

  it('answers a null sync mode with 400', async () => {
    const response = await server()
      .post('/api/v1/ingestion/odoo/sync')
      .set('Authorization', auth)
      .send({ mode: null });
    expectAnswer(response, 400, 'mode');
  });

  it('refuses what it used to take: true as a version, blank or hex numbers, empty list items, a garbage cursor', async () => {
    const get = (path: string) => server().get(path).set('Authorization', auth);
    const version = await server()
      .post('/api/v1/matches/1/approve')
      .set('Authorization', auth)
      .send({ version: true });
    expectAnswer(version, 400, 'version');
    for (const amount of ['', '%20', '0x10', '1e3']) {
      expectAnswer(await get(`/api/v1/search/opportunities?q=crm&amountMin=${amount}`), 400, 'amountMin'); // prettier-ignore
    }
    expectAnswer(await get('/api/v1/matches?status='), 400, 'status');
    expectAnswer(await get('/api/v1/matches?status=proposed,'), 400, 'status');
    expectAnswer(await get('/api/v1/search/opportunities?q=crm&stage=Won,'), 400, 'stage');
    expectAnswer(await get('/api/v1/validate/held?cursor=abc'), 400, 'cursor');
    const rules = await get('/api/v1/validate/rules');
    expectAnswer(rules, 200);
    expect(rules.headers['x-powered-by']).toBeUndefined();
  });

  it('refuses unknown parameters and bodies on routes that take none, and starts no run for them', async () => {
    const get = (path: string) => server().get(path).set('Authorization', auth);
    for (const path of [
      '/api/v1/validate/rules?x=1',
      '/api/v1/matching/unmatchable?x=1',
      '/api/v1/matching/model?x=1',
      '/api/v1/matches/1?x=1',
      '/api/v1/ingestion/runs/1?x=1',
      '/api/v1/transform/runs/1?x=1',
      '/api/v1/validate/runs/1?x=1',
      '/api/v1/matching/runs/1?x=1',
    ]) {
      expectAnswer(await get(path), 400, 'x');
    }
    const runs = async () =>
      (await app.get(DataSource).query('SELECT count(*)::int AS n FROM ops.job_runs'))[0].n;
    const before = await runs();
    for (const path of [
      '/api/v1/matching/run',
      '/api/v1/matching/model/train',
      '/api/v1/validate/run',
      '/api/v1/transform/all',
    ]) {
      const post = () => server().post(path).set('Authorization', auth);
      expectAnswer(await post().send({ x: 1 }), 400, 'x');
      expectAnswer(await post().send([1]), 400);
    }
    expect(await runs()).toBe(before);
  });

  it('refuses inverted ranges naming the upper end', async () => {
    const get = (path: string) => server().get(path).set('Authorization', auth);
    expectAnswer(
      await get(
        '/api/v1/search/opportunities?q=crm&closeDateFrom=2026-12-31&closeDateTo=2026-01-01',
      ),
      400,
      'closeDateTo',
    );
    expectAnswer(await get('/api/v1/search/opportunities?q=crm&amountMin=10&amountMax=5'), 400, 'amountMax'); // prettier-ignore
    expectAnswer(await get('/api/v1/matches?minProbability=0.9&maxProbability=0.1'), 400, 'maxProbability'); // prettier-ignore
    expectAnswer(await get('/api/v1/search/opportunities?q=crm&amountMin=5&amountMax=5'), 200);
  });

  it("answers the id of another job's run the same way on every runs route: 404", async () => {
    const jobs = app.get(JobRunsService);
    const runOf = {
      transform: await jobs.skipped('transform:opportunities', 'test', 'fixture'),
      validate: await jobs.skipped('validate', 'test', 'fixture'),
      match: await jobs.skipped('match:opportunities', 'test', 'fixture'),
    };
    const routes = { transform: '/api/v1/transform/runs', validate: '/api/v1/validate/runs', match: '/api/v1/matching/runs' }; // prettier-ignore
    const answers = [];
    for (const [kind, route] of Object.entries(routes)) {
      for (const [other, id] of Object.entries(runOf)) {
        const response = await server().get(`${route}/${id}`).set('Authorization', auth);
        answers.push({ route: kind, run: other, status: response.status, body: response.body });
      }
    }
    const notFound = expect.objectContaining({ error: 'not_found', correlationId: expect.any(String) }); // prettier-ignore
    const found = (kind: string, id: string) =>
      expect.objectContaining({ id, kind, status: 'skipped', error: null });
    const expected = Object.keys(routes).flatMap((kind) =>
      Object.entries(runOf).map(([other, id]) => ({
        route: kind,
        run: other,
        status: other === kind ? 200 : 404,
        body: other === kind ? found(kind, id) : notFound,
      })),
    );
    expect(answers).toEqual(expected);
  });
});
