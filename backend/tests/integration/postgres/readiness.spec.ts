import { INestApplication } from '@nestjs/common';
import { CoreConfig } from '@revops/core';
import { createServer, Server, Socket } from 'node:net';
import request from 'supertest';
import { onMaintenanceDb, testDatabaseName } from '../../fixtures/postgres-admin';
import { createTestApp } from '../../fixtures/test-app';
import { describeWithDatabase, useTestDatabase } from '../../fixtures/test-database';

/**
 * A TCP relay in front of PostgreSQL that can go silent: after `blackhole()` it passes
 * nothing either way and answers no new connection, as a database behind a dead network
 * link does (nothing refuses, nothing answers).
 */
class SilenceableProxy {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private silent = false;

  constructor(
    private readonly upstreamHost: string,
    private readonly upstreamPort: number,
  ) {
    this.server = createServer((client) => this.relay(client));
  }

  async listen(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as { port: number }).port;
  }

  blackhole(): void {
    this.silent = true;
    for (const socket of this.sockets) {
      socket.unpipe();
      socket.pause();
    }
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private relay(client: Socket): void {
    this.sockets.add(client);
    client.on('close', () => this.sockets.delete(client));
    client.on('error', () => undefined);
    if (this.silent) {
      client.pause();
      return;
    }
    const upstream = new Socket();
    this.sockets.add(upstream);
    upstream.on('close', () => {
      this.sockets.delete(upstream);
      if (!this.silent) client.destroy();
    });
    upstream.on('error', () => undefined);
    upstream.connect(this.upstreamPort, this.upstreamHost, () => {
      client.pipe(upstream);
      upstream.pipe(client);
    });
  }
}

describeWithDatabase('readiness when the database goes away', () => {
  const database = useTestDatabase();
  let app: INestApplication;
  let proxy: SilenceableProxy;
  let name: string;

  /** /health/ready, with how long it took: logged for whoever reads the run, never asserted. */
  const ready = async (when: string) => {
    const started = performance.now();
    const response = await request(app.getHttpServer()).get('/health/ready');
    const ms = Math.round(performance.now() - started);
    process.stdout.write(`readiness ${when}: ${response.status} after ${ms} ms\n`);
    return response;
  };

  beforeAll(async () => {
    const direct = new URL(database.url!);
    name = testDatabaseName(database.url!);
    proxy = new SilenceableProxy(direct.hostname, Number(direct.port || 5432));
    const viaProxy = new URL(direct);
    viaProxy.port = String(await proxy.listen());
    process.env.DATABASE_URL = viaProxy.toString();
    app = await createTestApp([]);
  });
  afterAll(async () => {
    // Hung queries end when their connections do, so the app can close its pool.
    await proxy?.close();
    if (name) {
      await onMaintenanceDb(database.url!, (admin) =>
        admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`),
      ).catch(() => undefined); // already dropped
    }
    await app?.close();
  });

  it('answers 503 naming the database once it refuses connections, and 200 once it is back', async () => {
    expect((await ready('with the database up')).status).toBe(200);
    await onMaintenanceDb(database.url!, async (admin) => {
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
      await admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [name],
      );
    });
    const down = await ready('with connections refused');
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({
      status: 'error',
      error: { database: { status: 'down', message: expect.stringMatching(/^failed/) } },
    });
    await request(app.getHttpServer()).get('/health/live').expect(200);

    await onMaintenanceDb(database.url!, (admin) =>
      admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`),
    );
    expect((await ready('with the database back')).status).toBe(200);
  });

  it('answers 503 naming the database when it stops answering, after the configured timeout (under 2 s)', async () => {
    expect((await ready('before the network goes silent')).status).toBe(200);
    proxy.blackhole();
    const timeout = app.get(CoreConfig).HEALTH_CHECK_TIMEOUT_MS;
    expect(timeout).toBeLessThanOrEqual(2000);
    const down = await ready('with the database silent');
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({
      status: 'error',
      error: { database: { status: 'down', message: `no answer within ${timeout} ms` } },
    });
    // /health (the compose file's and the Dockerfile's check) is bounded by the same probe.
    const health = await request(app.getHttpServer()).get('/health');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({
      status: 'degraded',
      database: { kind: 'postgres', status: 'down', message: `no answer within ${timeout} ms` },
    });
    await request(app.getHttpServer()).get('/health/live').expect(200);
  });
});
