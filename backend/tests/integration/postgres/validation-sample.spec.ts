import { INestApplication } from '@nestjs/common';
import { ApiKeyService } from '@revops/core';
import { IngestionModule, IngestionService } from '@revops/ingestion';
import { TransformationModule, TransformationService } from '@revops/transformation';
import { ValidationModule, ValidationService } from '@revops/validation';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { useGeneratedSourcesApp } from '../../fixtures/generated-sources-app';
import { TestSources } from '../../fixtures/source-databases';
import { describeWithDatabase } from '../../fixtures/test-database';

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
    const context = useGeneratedSourcesApp([
      IngestionModule,
      TransformationModule,
      ValidationModule,
    ]);
    let app: INestApplication;
    let sources: TestSources;
    let key: string;

    beforeAll(async () => {
      ({ app, sources } = context);
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
