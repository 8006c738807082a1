import { INestApplication } from '@nestjs/common';
import { ApiKeyService } from '@revops/core';
import { IngestionModule, IngestionService } from '@revops/ingestion';
import { TransformationModule, TransformationService } from '@revops/transformation';
import { ValidationModule, ValidationService } from '@revops/validation';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createSources, TestSources } from '../../fixtures/source-databases';
import { createTestApp } from '../../fixtures/test-app';
import { describeWithDatabase, useTestDatabase } from '../../fixtures/test-database';

interface Planted {
  source: string;
  id: string;
  ruleId: string;
}

/** planted_defects.csv: source,id,defect,rule_id (no field holds a comma or a quote). */
const readPlanted = (out: string): Planted[] =>
  readFileSync(join(out, 'planted_defects.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
    .map(([source, id, , ruleId]) => ({ source, id, ruleId }));

describeWithDatabase(
  'validation of the generated sample',
  () => {
    let client: Client;
    let app: INestApplication;
    // Before useTestDatabase's own afterAll, which drops the database.
    afterAll(async () => {
      await app?.close();
      await client?.end();
    });
    const database = useTestDatabase('postgres');
    let sources: TestSources;
    let key: string;

    beforeAll(async () => {
      client = new Client({ connectionString: database.url });
      await client.connect();
      sources = await createSources(client);
      Object.assign(process.env, {
        ODOO_DB_URL: database.url,
        ODOO_DB_SCHEMA: 'odoo_src',
        APN_DB_URL: database.url,
        APN_DB_SCHEMA: 'apn_src',
      });
      app = await createTestApp([IngestionModule, TransformationModule, ValidationModule]);
      key = (await app.get(ApiKeyService).create('validation-sample', 'analyst', 'test')).key;
      for (const source of ['odoo', 'apn'] as const) {
        await app.get(IngestionService).syncSource(source, 'full');
      }
      await app.get(TransformationService).transformAll('test');
    });

    it('reports every problem the generator planted, with the planted record among the samples', async () => {
      const planted = readPlanted(sources.out);
      expect(planted.map((p) => p.source)).toEqual(expect.arrayContaining(['odoo', 'ace']));
      const { jobRunId } = await app.get(ValidationService).run('test');
      const report = await request(app.getHttpServer())
        .get(`/api/v1/validate/runs/${jobRunId}`)
        .set('Authorization', `Bearer ${key}`)
        .expect(200);
      expect(report.body.status).toBe('succeeded');
      const results = new Map(
        (report.body.results as { ruleId: string; violations: number; sampleIds: string[] }[]).map(
          (r) => [r.ruleId, r],
        ),
      );
      for (const { id, ruleId } of planted) {
        expect({ ruleId, sampled: results.get(ruleId)?.sampleIds.includes(id) }).toEqual({
          ruleId,
          sampled: true,
        });
        expect(results.get(ruleId)?.violations).toBeGreaterThan(0);
      }
    });

    it('holds back the planted records that break an error rule, and only rows that fail one', async () => {
      const errorRules = new Set(
        app
          .get(ValidationService)
          .rules()
          .filter((r) => r.severity === 'error')
          .map((r) => r.id),
      );
      const held: { record_id: string; rule_ids: string[] }[] = await app
        .get(DataSource)
        .query('SELECT record_id, rule_ids FROM ops.validation_holds');
      const heldIds = held.map((h) => h.record_id);
      const plantedErrors = readPlanted(sources.out).filter((p) => errorRules.has(p.ruleId));
      expect(plantedErrors.length).toBeGreaterThan(0);
      expect(heldIds).toEqual(expect.arrayContaining(plantedErrors.map((p) => p.id)));
      expect(held.flatMap((h) => h.rule_ids).every((id) => errorRules.has(id))).toBe(true);
    });
  },
  'postgres',
);
