import { INestApplication } from '@nestjs/common';
import { ApiKeyService } from '@revops/core';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoAdminKey } from '../../../../scripts/lib/demo-admin-key';
import { createTestApp } from '../../fixtures/test-app';
import { describeWithDatabase, useTestDatabase } from '../../fixtures/test-database';

/** Which admin key `npm run demo` uses on a start: the saved one while it works, else a new one. */
describeWithDatabase('the demo admin key', () => {
  useTestDatabase();
  let app: INestApplication;
  let keys: ApiKeyService;
  let file: string;

  beforeAll(async () => {
    app = await createTestApp([]);
    keys = app.get(ApiKeyService);
  });
  beforeEach(() => {
    file = join(mkdtempSync(join(tmpdir(), 'revops-demo-key-')), 'data', 'demo-admin.key');
  });
  afterAll(() => app?.close());

  const saved = () => readFileSync(file, 'utf8').trim();
  const mode = () => statSync(file).mode & 0o777;

  it('mints an admin key on the first start, saved owner-only, and reuses it after', async () => {
    const first = await demoAdminKey(keys, file);
    expect(first.reused).toBe(false);
    expect(saved()).toBe(first.key);
    expect(mode()).toBe(0o600);
    await expect(keys.authenticate(first.key)).resolves.toMatchObject({ role: 'admin' });

    const second = await demoAdminKey(keys, file);
    expect(second).toEqual({ key: first.key, prefix: first.prefix, reused: true });
    const demoKeys = (await keys.list({ limit: 500 })).items.filter((k) => k.name === 'demo-admin');
    expect(demoKeys.filter((k) => k.prefix === first.prefix)).toHaveLength(1);
  });

  it('mints a new one when the saved key was revoked', async () => {
    const first = await demoAdminKey(keys, file);
    const listed = (await keys.list({ limit: 500 })).items.find((k) => k.prefix === first.prefix);
    await keys.revoke(listed?.id as string, 'test');

    const next = await demoAdminKey(keys, file);
    expect(next.reused).toBe(false);
    expect(next.key).not.toBe(first.key);
    expect(saved()).toBe(next.key);
    expect(mode()).toBe(0o600);
  });

  it('does not reuse a saved key that is not an admin key, or not a key at all', async () => {
    const analyst = await keys.create('someone', 'analyst', 'test');
    for (const content of [analyst.key, 'not a key']) {
      await demoAdminKey(keys, file); // makes the directory
      writeFileSync(file, content, { mode: 0o644 });
      const next = await demoAdminKey(keys, file);
      expect(next.reused).toBe(false);
      expect(saved()).toBe(next.key);
      expect(mode()).toBe(0o600);
    }
  });
});
