import { INestApplication } from '@nestjs/common';
import { ignoreProgress } from '@revops/core';
import { MatchingService } from '@revops/matching';
import * as matchRecords from '@revops/matching/records/match-record';
import { runSamplePipeline } from '@revops/api';
import { DataSource } from 'typeorm';
import { SAMPLES_DIR } from '../../fixtures/paths';
import { createTestApp, PIPELINE_MODULES } from '../../fixtures/test-app';
import { describeWithDatabase, useTestDatabase } from '../../fixtures/test-database';

describeWithDatabase('matching: no single record blocks a run', () => {
  useTestDatabase();
  let app: INestApplication;
  let db: DataSource;
  let matching: MatchingService;
  let victim: string;

  beforeAll(async () => {
    app = await createTestApp(PIPELINE_MODULES);
    db = app.get(DataSource);
    matching = app.get(MatchingService);
    await runSamplePipeline(app, SAMPLES_DIR, 'test', ignoreProgress);
    [{ id: victim }] = await db.query(
      `SELECT min(ace_id) AS id FROM core.ace_opportunities WHERE deleted_at IS NULL`,
    );
  });
  afterAll(() => app?.close());

  const open = (): Promise<{ key: string; reason: string }[]> =>
    db.query(
      `SELECT source_key AS key, reason FROM ops.quarantine
        WHERE stage = 'matching' AND resolved_at IS NULL ORDER BY id`,
    );

  it('sets aside a record it cannot read, matches the rest, and tries it again only once its row changes', async () => {
    // Fault injection: no CORE row we can write makes the normalisers throw.
    const read = matchRecords.toMatchRecord;
    const spy = jest.spyOn(matchRecords, 'toMatchRecord').mockImplementation((row) => {
      if (row.source === 'ace' && row.id === victim) throw new Error('unreadable address');
      return read(row);
    });
    try {
      const run = await matching.matchAll('test');
      expect(run.quarantined).toBe(1);
      expect(run.autoLinked + run.proposed).toBeGreaterThan(0);
      expect(await open()).toEqual([
        { key: victim, reason: 'cannot be read for matching: unreadable address' },
      ]);
      const [{ n }] = await db.query(
        `SELECT count(*)::int AS n FROM matching.opportunity_matches
          WHERE ace_id = $1 AND status IN ('auto_linked', 'proposed', 'approved')`,
        [victim],
      );
      expect(n).toBe(0);

      // Unchanged, it is not tried again.
      spy.mockClear();
      expect((await matching.matchAll('test')).quarantined).toBe(0);
      expect(spy.mock.calls.some(([row]) => row.id === victim)).toBe(false);
      expect(await open()).toHaveLength(1);

      // Its row changed (and readable again), it is matched and leaves quarantine.
      spy.mockRestore();
      await db.query(`UPDATE core.ace_opportunities SET city = 'Lisbon' WHERE ace_id = $1`, [
        victim,
      ]);
      expect((await matching.matchAll('test')).quarantined).toBe(0);
      expect(await open()).toEqual([]);
    } finally {
      spy.mockRestore();
    }
  });
});
