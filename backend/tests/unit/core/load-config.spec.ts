import { ConfigValidationException, CoreConfig, loadConfig } from '@revops/core';

describe('loadConfig(CoreConfig)', () => {
  it('applies defaults when nothing is set', () => {
    const config = loadConfig(CoreConfig, {});
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.PGLITE_DATA_DIR).toBe('.data/pglite');
    expect(config.DB_RUN_MIGRATIONS).toBe(true);
    expect(config.LOG_LEVEL).toBe('info');
  });

  it('converts numbers and booleans from text', () => {
    const config = loadConfig(CoreConfig, {
      PORT: '8080',
      DB_POOL_SIZE: '4',
      DB_RUN_MIGRATIONS: 'false',
      DATABASE_URL: 'postgres://app:secret@db.internal:5432/revops',
    });
    expect(config.PORT).toBe(8080);
    expect(config.DB_POOL_SIZE).toBe(4);
    expect(config.DB_RUN_MIGRATIONS).toBe(false);
  });

  it('rejects DATABASE_URL=not-a-url, naming the variable', () => {
    expect(() => loadConfig(CoreConfig, { DATABASE_URL: 'not-a-url' })).toThrow(
      ConfigValidationException,
    );
    expect(() => loadConfig(CoreConfig, { DATABASE_URL: 'not-a-url' })).toThrow(/DATABASE_URL/);
  });

  it('lists every bad variable and never echoes a value', () => {
    let error: ConfigValidationException | undefined;
    try {
      loadConfig(CoreConfig, {
        DATABASE_URL: 'mysql://root:hunter2@db/x',
        LOG_LEVEL: 'loud',
        DB_POOL_SIZE: 'many',
      });
    } catch (e) {
      error = e as ConfigValidationException;
    }
    expect(error?.problems.map((p) => p.variable).sort()).toEqual([
      'DATABASE_URL',
      'DB_POOL_SIZE',
      'LOG_LEVEL',
    ]);
    expect(error?.message).not.toContain('hunter2');
  });

  it('reads the event settings: the relay on and 5 attempts by default, validated when set', () => {
    const defaults = loadConfig(CoreConfig, {});
    expect(defaults.OUTBOX_RELAY_ENABLED).toBe(true);
    expect(defaults.EVENT_MAX_ATTEMPTS).toBe(5);
    const set = loadConfig(CoreConfig, { OUTBOX_RELAY_ENABLED: 'false', EVENT_MAX_ATTEMPTS: '2' });
    expect(set.OUTBOX_RELAY_ENABLED).toBe(false);
    expect(set.EVENT_MAX_ATTEMPTS).toBe(2);
    expect(() => loadConfig(CoreConfig, { EVENT_MAX_ATTEMPTS: '0' })).toThrow(/EVENT_MAX_ATTEMPTS/);
    expect(() => loadConfig(CoreConfig, { OUTBOX_RELAY_ENABLED: 'maybe' })).toThrow(
      /OUTBOX_RELAY_ENABLED/,
    );
  });
});
