import { INestApplication } from '@nestjs/common';
import { KeysModule, SearchModule } from '@revops/api';
import { ApiKeyService } from '@revops/core';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createTestApp } from '../../fixtures/test-app';
import { describeWithDatabase, testDbKind, useTestDatabase } from '../../fixtures/test-database';

/** /api/v1/keys over HTTP: admins list, create and revoke keys; a revoked key stops at once. */
describeWithDatabase('API keys over HTTP', () => {
  useTestDatabase();
  let app: INestApplication;
  let admin: string;

  beforeAll(async () => {
    app = await createTestApp([SearchModule, KeysModule]);
    admin = (await app.get(ApiKeyService).create('root-admin', 'admin', 'test')).key;
  });
  afterAll(() => app?.close());

  const as = (key: string) => ({
    get: (path: string) =>
      request(app.getHttpServer()).get(path).set('Authorization', `Bearer ${key}`),
    post: (path: string, body?: object) => {
      const call = request(app.getHttpServer()).post(path).set('Authorization', `Bearer ${key}`);
      return body === undefined ? call : call.send(body);
    },
  });
  const fieldsOf = (body: { fields?: { field: string }[] }) =>
    (body.fields ?? []).map((f) => f.field).sort();

  it('creates a key that works at once, shows its secret only in the creation answer', async () => {
    const created = await as(admin).post('/api/v1/keys', { name: 'crm-sync', role: 'engineer' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: 'crm-sync',
      role: 'engineer',
      prefix: expect.stringMatching(/^rvo_[a-z0-9]{8}$/),
      createdAt: expect.any(String),
      lastUsedAt: null,
      revokedAt: null,
      key: expect.stringMatching(/^rvo_/),
    });
    const secret: string = created.body.key;
    await as(secret).get('/api/v1/search/opportunities?q=crm').expect(200);

    const listed = await as(admin).get('/api/v1/keys').expect(200);
    expect(Object.keys(listed.body).sort()).toEqual(['items', 'nextCursor']);
    const mine = listed.body.items.find((k: { id: string }) => k.id === created.body.id);
    expect(mine).toEqual({ ...created.body, key: undefined, lastUsedAt: expect.any(String) });
    expect(Object.keys(mine)).not.toContain('key');
    const hash = await app
      .get(DataSource)
      .query('SELECT key_hash FROM ops.api_keys WHERE id = $1', [created.body.id]);
    expect(JSON.stringify(listed.body)).not.toContain(secret);
    expect(JSON.stringify(listed.body)).not.toContain(hash[0].key_hash);
  });

  it('gives a revoked key 401 on its very next request, and audits both changes', async () => {
    const created = (await as(admin).post('/api/v1/keys', { name: 'leaver' }).expect(201)).body;
    expect(created.role).toBe('analyst');
    await as(created.key).get('/api/v1/search/opportunities?q=crm').expect(200);

    const revoked = await as(admin).post(`/api/v1/keys/${created.id}/revoke`).expect(200);
    expect(revoked.body).toMatchObject({ id: created.id, revokedAt: expect.any(String) });
    expect(revoked.body).not.toHaveProperty('key');

    const next = await as(created.key).get('/api/v1/search/opportunities?q=crm');
    expect(next.status).toBe(401);
    expect(next.body.message).toBe('Unknown or revoked API key');

    // Revoking again changes nothing: same time, no second audit entry.
    const again = await as(admin).post(`/api/v1/keys/${created.id}/revoke`).expect(200);
    expect(again.body.revokedAt).toBe(revoked.body.revokedAt);

    const audit = await app
      .get(DataSource)
      .query(
        'SELECT actor, action, correlation_id FROM ops.audit_log WHERE entity_id = $1 ORDER BY id',
        [created.id],
      );
    expect(audit.map((row: { action: string }) => row.action)).toEqual([
      'api-key.created',
      'api-key.revoked',
    ]);
    expect(audit.map((row: { actor: string }) => row.actor)).toEqual([
      'api-key:root-admin',
      'api-key:root-admin',
    ]);
    expect(audit[1].correlation_id).toEqual(expect.any(String));

    const active = await as(admin).get('/api/v1/keys?status=active').expect(200);
    expect(active.body.items.map((k: { id: string }) => k.id)).not.toContain(created.id);
    const gone = await as(admin).get('/api/v1/keys?status=revoked').expect(200);
    expect(gone.body.items.map((k: { id: string }) => k.id)).toContain(created.id);
  });

  // Two replicas need a database server: an in-memory PGlite belongs to one process.
  if (testDbKind === 'postgres') {
    it('gives a key revoked on one replica 401 on its next request to another', async () => {
      const other = await createTestApp([SearchModule, KeysModule]);
      try {
        const created = (await as(admin).post('/api/v1/keys', { name: 'roamer' }).expect(201)).body;
        const onOther = () =>
          request(other.getHttpServer())
            .get('/api/v1/search/opportunities?q=crm')
            .set('Authorization', `Bearer ${created.key}`);
        await onOther().expect(200);
        await as(admin).post(`/api/v1/keys/${created.id}/revoke`).expect(200);
        const next = await onOther();
        expect(next.status).toBe(401);
      } finally {
        await other.close();
      }
    });
  }

  it('refuses analysts and engineers with 403 on every key route', async () => {
    const keys = app.get(ApiKeyService);
    const target = await keys.create('target', 'analyst', 'test');
    for (const role of ['analyst', 'engineer'] as const) {
      const caller = as((await keys.create(`not-admin-${role}`, role, 'test')).key);
      for (const response of [
        await caller.get('/api/v1/keys'),
        await caller.post('/api/v1/keys', { name: 'sneaky', role: 'admin' }),
        await caller.post(`/api/v1/keys/${target.id}/revoke`),
      ]) {
        expect(response.status).toBe(403);
        expect(response.body.message).toBe('This route needs the role admin');
      }
    }
    await as(target.key).get('/api/v1/search/opportunities?q=crm').expect(200);
    await request(app.getHttpServer()).get('/api/v1/keys').expect(401);
  });

  it('answers 400 naming the field for bad input, 404 for an unknown key', async () => {
    const post = (body: object) => as(admin).post('/api/v1/keys', body);
    const cases: [object, string[]][] = [
      [{}, ['name']],
      [{ name: '   ' }, ['name']],
      [{ name: 'x'.repeat(101) }, ['name']],
      [{ name: 42 }, ['name']],
      [{ name: 'ok', role: 'root' }, ['role']],
      [{ name: 'ok', role: null }, ['role']],
      [{ name: 'ok', expiresAt: '2030-01-01' }, ['expiresAt']],
      [{ name: 'nul\u0000' }, ['name']],
    ];
    for (const [body, fields] of cases) {
      const response = await post(body);
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
      expect(fieldsOf(response.body)).toEqual(fields);
    }
    await as(admin).post('/api/v1/keys?role=admin', { name: 'ok' }).expect(400);

    const badList: [string, string[]][] = [
      ['?limit=0', ['limit']],
      ['?limit=1.5', ['limit']],
      ['?status=', ['status']],
      ['?status=expired', ['status']],
      ['?cursor=abc', ['cursor']],
      ['?cursor=00000000-0000-4000-8000-000000000000', ['cursor']],
      ['?color=red', ['color']],
    ];
    for (const [query, fields] of badList) {
      const response = await as(admin).get(`/api/v1/keys${query}`);
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
      expect(fieldsOf(response.body)).toEqual(fields);
    }

    const badId = await as(admin).post('/api/v1/keys/1/revoke').expect(400);
    expect(fieldsOf(badId.body)).toEqual(['id']);
    const target = await app.get(ApiKeyService).create('body-check', 'analyst', 'test');
    await as(admin).post(`/api/v1/keys/${target.id}/revoke`, { now: true }).expect(400);
    await as(admin).post(`/api/v1/keys/${target.id}/revoke?force=1`).expect(400);
    await as(target.key).get('/api/v1/search/opportunities?q=crm').expect(200);
    await as(admin).post('/api/v1/keys/00000000-0000-4000-8000-000000000000/revoke').expect(404);
  });

  it('pages through every key once, newest first, with a null cursor on the last page', async () => {
    const keys = app.get(ApiKeyService);
    for (let i = 0; i < 5; i++) await keys.create(`page-${i}`, 'analyst', 'test');
    const total = (await as(admin).get('/api/v1/keys?limit=500').expect(200)).body.items;
    const seen: { id: string; createdAt: string }[] = [];
    let cursor: string | null = null;
    do {
      const page: request.Response = await as(admin)
        .get(`/api/v1/keys?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
        .expect(200);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.map((k) => k.id)).toEqual(total.map((k: { id: string }) => k.id));
    expect(new Set(seen.map((k) => k.id)).size).toBe(seen.length);
    const times = seen.map((k) => k.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
  });
});
