import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSchemas1795320000000 implements MigrationInterface {
  name = 'CreateSchemas1795320000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE EXTENSION IF NOT EXISTS vector');
    for (const schema of ['raw', 'core', 'search', 'ops']) {
      await q.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const schema of ['ops', 'search', 'core', 'raw']) {
      await q.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    }
    // The vector extension may serve other schemas in a shared database: leave it.
  }
}
