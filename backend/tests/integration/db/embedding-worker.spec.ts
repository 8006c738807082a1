import { INestApplication } from '@nestjs/common';
import { runSamplePipeline } from '@revops/api';
import { ignoreProgress } from '@revops/core';
import { EMBEDDER, EmbeddingService } from '@revops/embedding';
import type { Embedder } from '@revops/embedding';
import { DataSource } from 'typeorm';
import { SAMPLES_DIR } from '../../fixtures/paths';
import { createTestApp, PIPELINE_MODULES } from '../../fixtures/test-app';
import { describeWithDatabase, useTestDatabase } from '../../fixtures/test-database';

describeWithDatabase(
  'embedding worker: only changed text, events, pause on a failing model',
  () => {
    useTestDatabase();
    let app: INestApplication;
    let db: DataSource;
    let embedding: EmbeddingService;
    const saved = { ...process.env };

    beforeAll(async () => {
      // A short pause, so the test sees the worker resume on its own.
      Object.assign(process.env, { EMBEDDING_MAX_FAILURES: '3', EMBEDDING_PAUSE_SECONDS: '1' });
      app = await createTestApp(PIPELINE_MODULES);
      db = app.get(DataSource);
      embedding = app.get(EmbeddingService);
      await runSamplePipeline(app, SAMPLES_DIR, 'test', ignoreProgress);
    });
    afterAll(async () => {
      await app?.close();
      process.env = saved;
    });

    const changeDescriptions = (ids: string[], text: string) =>
      db.query(
        `UPDATE core.ace_opportunities SET business_problem = $2, transformed_at = now()
        WHERE ace_id = ANY ($1)`,
        [ids, text],
      );
    const someAceIds = async (n: number): Promise<string[]> =>
      (
        await db.query(
          `SELECT source_id FROM search.opportunity_documents WHERE source = 'ace'
          ORDER BY source_id LIMIT $1`,
          [n],
        )
      ).map((row: { source_id: string }) => row.source_id);

    it('embeds nothing when no text changed, and exactly the row whose description changed', async () => {
      const again = await embedding.embedChanged('test');
      expect(again).toMatchObject({ embedded: 0, documentsWritten: 0, removed: 0, pending: 0 });

      const [id] = await someAceIds(1);
      await changeDescriptions([id], 'Now also wants a second region for disaster recovery.');
      const events = await db.query(`SELECT count(*)::int AS n FROM ops.outbox_events`);
      const once = await embedding.embedChanged('test');
      expect(once).toMatchObject({ embedded: 1, documentsWritten: 1 });

      const [event] = await db.query(
        `SELECT message_key, payload FROM ops.outbox_events
        WHERE topic = 'revops.embedding.updated' ORDER BY created_at DESC LIMIT 1`,
      );
      expect(event.payload).toMatchObject({
        modelId: once.modelId,
        embedded: [{ source: 'ace', sourceId: id }],
        removed: [],
      });
      const after = await db.query(`SELECT count(*)::int AS n FROM ops.outbox_events`);
      expect(after[0].n - events[0].n).toBe(1);
    });

    it('quarantines a text the model fails on and one it answers with NaN, embeds the rest, and retries them only when their text changes', async () => {
      const ids = await someAceIds(4);
      const texts = [
        'Wants a data lake on S3 for the finance team.',
        'Moving the call centre to Amazon Connect.',
        'POISON text the tokenizer cannot encode.',
        'NANVEC text the model answers with NaN.',
      ];
      for (const [i, id] of ids.entries()) await changeDescriptions([id], texts[i]);
      const model = app.get<Embedder>(EMBEDDER);
      const embed = model.embed.bind(model);
      const spy = jest.spyOn(model, 'embed').mockImplementation(async (batch: string[]) => {
        if (batch.some((text) => text.includes('POISON'))) {
          throw new Error('tokenizer: cannot encode');
        }
        const vectors = await embed(batch);
        return vectors.map((v, i) => (batch[i].includes('NANVEC') ? [NaN, ...v.slice(1)] : v));
      });
      try {
        const run = await embedding.embedChanged('test');
        expect(run).toMatchObject({ embedded: 2, quarantined: 2, pending: 0 });
        expect(run.paused).toBeUndefined();
        const setAside = await db.query(
          `SELECT source_key, reason, input_hash, job_run_id::text AS run FROM ops.quarantine
            WHERE stage = 'embedding' AND resolved_at IS NULL ORDER BY source_key`,
        );
        expect(setAside).toEqual(
          [
            { key: ids[2], reason: expect.stringContaining('tokenizer: cannot encode') },
            { key: ids[3], reason: expect.stringContaining('not a finite number') },
          ]
            .map((row) => ({
              source_key: `ace:${row.key}`,
              reason: row.reason,
              input_hash: expect.any(String),
              run: run.jobRunId,
            }))
            .sort((a, b) => a.source_key.localeCompare(b.source_key)),
        );

        // Unchanged, they are not tried again; the model is not even called.
        const calls = spy.mock.calls.length;
        expect(await embedding.embedChanged('test')).toMatchObject({ embedded: 0, quarantined: 0 });
        expect(spy.mock.calls.length).toBe(calls);

        // Its text fixed, a row goes through and leaves quarantine.
        await changeDescriptions([ids[2]], 'The tokenizer takes this one.');
        expect(await embedding.embedChanged('test')).toMatchObject({ embedded: 1, quarantined: 0 });
        const open = await db.query(
          `SELECT source_key FROM ops.quarantine WHERE stage = 'embedding' AND resolved_at IS NULL`,
        );
        expect(open).toEqual([{ source_key: `ace:${ids[3]}` }]);
      } finally {
        spy.mockRestore();
      }
      // Leave every document embedded for the next test.
      await changeDescriptions([ids[3]], 'Wants a landing zone.');
      expect(await embedding.embedChanged('test')).toMatchObject({ embedded: 1, quarantined: 0 });
    });

    it('pauses after repeated model failures, keeps the rows pending, and resumes by itself', async () => {
      const ids = await someAceIds(3);
      await changeDescriptions(ids, 'Board approved the budget for a landing zone.');
      const model = app.get<Embedder>(EMBEDDER);
      const spy = jest
        .spyOn(model, 'embed')
        .mockRejectedValue(new Error('onnxruntime: out of memory'));

      const paused = await embedding.embedChanged('test');
      expect(paused).toMatchObject({
        embedded: 0,
        pending: 3,
        paused: { retryAt: expect.any(String) },
      });
      expect(paused.paused?.reason).toContain('onnxruntime: out of memory');
      expect(spy).toHaveBeenCalledTimes(3);
      const [run] = await db.query(`SELECT status, details FROM ops.job_runs WHERE id = $1`, [
        paused.jobRunId,
      ]);
      expect(run).toMatchObject({ status: 'succeeded', details: { pending: 3 } });

      // While the circuit is open the worker does not call the model at all.
      const stillPaused = await embedding.embedChanged('test');
      expect(stillPaused).toMatchObject({ embedded: 0, pending: 3 });
      expect(spy).toHaveBeenCalledTimes(3);

      spy.mockRestore();
      const resumed = await waitFor(async () => {
        const [row] = await db.query(
          `SELECT details FROM ops.job_runs
          WHERE triggered_by = 'resume-after-pause' AND status = 'succeeded'
          ORDER BY id DESC LIMIT 1`,
        );
        return row?.details;
      });
      expect(resumed).toMatchObject({ embedded: 3, pending: 0 });
      const stale = await db.query(
        `SELECT count(*)::int AS n FROM search.opportunity_documents d
         JOIN search.opportunity_embeddings e USING (source, source_id)
        WHERE e.content_hash <> d.content_hash`,
      );
      expect(stale[0].n).toBe(0);
    });
  },
);

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
