import { Controller, Get, INestApplication, Module } from '@nestjs/common';
import { ApiKeyService, Public, Roles } from '@revops/core';
import { SearchModule } from '@revops/api';
import request from 'supertest';
import { createTestApp } from '../../fixtures/test-app';
import { describeWithDatabase, useTestDatabase } from '../../fixtures/test-database';

/** A route that fails the way a bug would, to see what the caller is told. */
@Controller('boom')
class BoomController {
  @Public()
  @Get()
  fail(): never {
    throw new Error('connection to postgres://app:s3cret@db/revops lost');
  }
}

/** A route only engineers (and admins) may call. */
@Controller('engineering')
class EngineeringController {
  @Roles('engineer')
  @Get()
  ok(): { ok: true } {
    return { ok: true };
  }
}

@Module({ controllers: [BoomController, EngineeringController] })
class BoomModule {}

describeWithDatabase('HTTP edge: auth, validation, errors', () => {
  useTestDatabase();
  let app: INestApplication;
  let key: string;

  beforeAll(async () => {
    app = await createTestApp([SearchModule, BoomModule]);
    key = (await app.get(ApiKeyService).create('http-test', 'analyst', 'test')).key;
  });
  afterAll(() => app?.close());

  const search = (query: string) =>
    request(app.getHttpServer()).get(`/api/v1/search/opportunities${query}`);

  it('answers /health without a key', async () => {
    const response = await request(app.getHttpServer()).get('/health').expect(200);
    expect(response.body).toMatchObject({ status: 'ok', service: 'test' });
  });

  it('answers 401 without a key or with a wrong one', async () => {
    const missing = await search('?q=crm').expect(401);
    expect(missing.body.message).toMatch(/Authorization: Bearer/);
    await search('?q=crm').set('Authorization', 'Bearer rvo_nope').expect(401);
    await search('?q=crm').set('Authorization', `Basic ${key}`).expect(401);
  });

  it('answers 403 to a role the route does not allow; admin may always', async () => {
    const keys = app.get(ApiKeyService);
    const engineer = (await keys.create('eng', 'engineer', 'test')).key;
    const admin = (await keys.create('adm', 'admin', 'test')).key;
    const call = (bearer: string) =>
      request(app.getHttpServer())
        .get('/api/v1/engineering')
        .set('Authorization', `Bearer ${bearer}`);
    const denied = await call(key).expect(403);
    expect(denied.body.message).toBe('This route needs the role engineer');
    await call(engineer).expect(200);
    await call(admin).expect(200);
  });

  it('answers 400 naming each failing field', async () => {
    const response = await search('?limit=500').set('Authorization', `Bearer ${key}`).expect(400);
    expect(response.body.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'limit',
      'q',
    ]);
    const unknown = await search('?q=x&color=red').set('Authorization', `Bearer ${key}`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields).toEqual([
      expect.objectContaining({ field: 'color', problems: ['property color should not exist'] }),
    ]);
  });

  it('answers an unexpected error with a generic 500 carrying the correlation id', async () => {
    const response = await request(app.getHttpServer())
      .get('/api/v1/boom')
      .set('x-correlation-id', 'case-4711')
      .expect(500);
    expect(response.headers['x-correlation-id']).toBe('case-4711');
    expect(response.body).toEqual({
      statusCode: 500,
      error: 'internal_error',
      message: 'Internal server error. Quote correlation id case-4711 when reporting it.',
      correlationId: 'case-4711',
    });
    expect(JSON.stringify(response.body)).not.toContain('s3cret');
  });

  it('searches with a valid key (empty database: no hits, still 200)', async () => {
    const response = await search('?q=data%20warehouse&limit=3')
      .set('Authorization', `Bearer ${key}`)
      .expect(200);
    expect(response.body).toMatchObject({ query: 'data warehouse', hits: [] });
    expect(response.body.model).toEqual({ id: 'use-lite-en', dimensions: 512 });
  });
});
