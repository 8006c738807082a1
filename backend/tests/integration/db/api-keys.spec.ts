import { INestApplication } from '@nestjs/common';
import { ApiKeyService } from '@revops/core';
import { DataSource } from 'typeorm';
import { createTestApp } from '../../fixtures/test-app';
import { describeWithDatabase, useTestDatabase } from '../../fixtures/test-database';

describeWithDatabase('API keys', () => {
  useTestDatabase();
  let app: INestApplication;
  let keys: ApiKeyService;

  beforeAll(async () => {
    app = await createTestApp([]);
    keys = app.get(ApiKeyService);
  });
  afterAll(() => app?.close());

  it('authenticates a created key and stores only its hash', async () => {
    const created = await keys.create('ci-engineer', 'engineer', 'test');
    await expect(keys.authenticate(created.key)).resolves.toEqual({
      keyId: created.id,
      name: 'ci-engineer',
      role: 'engineer',
    });
    const stored = await app
      .get(DataSource)
      .query('SELECT * FROM ops.api_keys WHERE id = $1', [created.id]);
    expect(JSON.stringify(stored)).not.toContain(created.key);
    expect(stored[0].key_prefix).toBe(created.prefix);

    const audit = await app
      .get(DataSource)
      .query('SELECT actor, action, details FROM ops.audit_log WHERE entity_id = $1', [created.id]);
    expect(audit).toEqual([
      {
        actor: 'test',
        action: 'api-key.created',
        details: { name: 'ci-engineer', role: 'engineer', keyPrefix: created.prefix },
      },
    ]);
    expect(JSON.stringify(audit)).not.toContain(created.key);
  });

  it('rejects a missing, malformed, unknown or revoked key', async () => {
    await expect(keys.authenticate(undefined)).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(keys.authenticate('nope')).rejects.toMatchObject({ code: 'unauthenticated' });
    const created = await keys.create('to-revoke', 'analyst', 'test');
    const unknown = `${created.key.slice(0, -4)}AAAA`;
    await expect(keys.authenticate(unknown)).rejects.toMatchObject({ code: 'unauthenticated' });
    await app
      .get(DataSource)
      .query('UPDATE ops.api_keys SET revoked_at = now() WHERE id = $1', [created.id]);
    await expect(keys.authenticate(created.key)).rejects.toMatchObject({ code: 'unauthenticated' });
  });

  it('identifies a key without recording a use; authenticating records it', async () => {
    const created = await keys.create('identify-only', 'engineer', 'test');
    const lastUsedAt = async () =>
      (
        await app
          .get(DataSource)
          .query('SELECT last_used_at FROM ops.api_keys WHERE id = $1', [created.id])
      )[0].last_used_at;
    await expect(keys.identify(created.key)).resolves.toMatchObject({ keyId: created.id });
    expect(await lastUsedAt()).toBeNull();
    await keys.authenticate(created.key);
    expect(await lastUsedAt()).not.toBeNull();
  });

  it('creates an analyst key when no role is given', async () => {
    await expect(keys.create('no-role', undefined, 'test')).resolves.toMatchObject({
      role: 'analyst',
    });
  });

  it('refuses an unknown role, naming the field', async () => {
    await expect(keys.create('x', 'root' as never, 'test')).rejects.toMatchObject({
      code: 'invalid_input',
      fields: [expect.objectContaining({ field: 'role' })],
    });
  });
});
