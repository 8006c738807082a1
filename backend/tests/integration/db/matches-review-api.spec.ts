import { INestApplication } from '@nestjs/common';
import { ApiKeyService } from '@revops/core';
import { MatchingModule, MatchListItemDto, MatchStatsDto } from '@revops/matching';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createTestApp } from '../../fixtures/test-app';
import { describeWithDatabase, useTestDatabase } from '../../fixtures/test-database';

/** A stored explanation: the prior alone (what the list sends is not the point here). */
const EXPLANATION = JSON.stringify({
  modelVersion: null,
  contributions: [{ comparison: 'prior', level: null, value: null, m: null, u: null, weight: -1 }],
  foundBy: [],
});

/** One that quotes contact details, as a run stores them: the shared email, both phones. */
const CONTACT_EXPLANATION = JSON.stringify({
  modelVersion: null,
  contributions: [
    { comparison: 'prior', level: null, value: null, m: null, u: null, weight: -1 },
    { comparison: 'email', level: 'equal', value: 'ana@saolucas.example', m: 0.9, u: 0.001, uLevel: 0.01, tfValue: 'ana@saolucas.example', weight: 6.8 }, // prettier-ignore
    { comparison: 'phone', level: 'different', value: '+551155550101 ≠ +551155559999', m: 0.2, u: 0.9, weight: -1.5 }, // prettier-ignore
    { comparison: 'contact', level: 'equal', value: null, m: 0.8, u: 0.01, weight: 4.4 },
  ],
  foundBy: ['domain'],
});

describeWithDatabase(
  "matches for the analysts' review queue: summaries, customer filter, stats, 409",
  () => {
    useTestDatabase();
    let app: INestApplication;
    let analyst: string;
    /** Match ids by name, in the order they were made (newest last). */
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      app = await createTestApp([MatchingModule]);
      const db = app.get(DataSource);
      analyst = (await app.get(ApiKeyService).create('ana', 'analyst', 'test')).key;
      await db.query(
        `INSERT INTO core.odoo_opportunities
              (odoo_id, name, customer_name, stage_name, expected_revenue, currency_code,
               date_deadline, contact_name, email, phone, source_hash)
       VALUES (101, 'SAP migration', 'Hospital Sao Lucas', 'Qualified', 120000, 'USD', '2026-12-14',
               'Ana Souza', 'ana@saolucas.example', '+55 11 5555 0101', 'h101'),
              (102, 'Data lake', '100% Natural Foods', 'Proposition', 50000.5, 'EUR', NULL, NULL, NULL, NULL, 'h102'),
              (103, 'ERP rollout', '100 Percent Natural', 'New', NULL, NULL, NULL, NULL, NULL, NULL, 'h103'),
              (104, 'Analytics', 'Acme_Corp', 'Won', 9000, 'USD', '2027-01-31', NULL, NULL, NULL, 'h104')`,
      );
      await db.query(
        `INSERT INTO core.ace_opportunities
              (ace_id, title, customer_company_name, stage, expected_monthly_spend,
               expected_contract_months, expected_total_spend, spend_currency, target_close_date,
               source_hash)
       VALUES ('O1000001', 'Hospital SAP on AWS', 'Beta Hospital Group', 'Launched', 1000, 12, 12000,
               'USD', '2026-11-30', 'a1'),
              ('O1000002', 'Retail data lake', 'AcmeXCorp', 'Prospect', NULL, NULL, NULL, NULL, NULL, 'a2'),
              ('O1000004', 'Clinic analytics', 'hospital de clinicas', 'Qualified', 20000, 12, 240000,
               'USD', '2027-02-28', 'a4')`,
      );
      // The contacts ACE lists with the opportunity; O1000004 is soft-deleted (a Date to send).
      await db.query(
        `UPDATE core.ace_opportunities
            SET contact_names = '{Ana Souza,Bruno Lima}', contact_emails = '{ana@saolucas.example}',
                contact_phones = '{+55 11 5555 0101}'
          WHERE ace_id = 'O1000001'`,
      );
      await db.query(
        `UPDATE core.ace_opportunities SET deleted_at = '2026-03-01T10:00:00Z' WHERE ace_id = 'O1000004'`,
      );
      // [name, odoo id, ACE id, status, probability]: O1000003, 999999 and legacy-7 are not in CORE.
      const matches: [string, string, string, string, number][] = [
        ['both', '101', 'O1000001', 'proposed', 0.1],
        ['percent', '102', 'O1000002', 'auto_linked', 1],
        ['aceGone', '103', 'O1000003', 'proposed', 0.0999],
        ['odooGone', '999999', 'O1000002', 'rejected', 0.95],
        ['notAnId', 'legacy-7', 'O1000001', 'superseded', 0.55],
        ['roundsUp', '104', 'O1000004', 'approved', 0.09999],
      ];
      for (const [name, odooId, aceId, status, probability] of matches) {
        const explanation = name === 'both' ? CONTACT_EXPLANATION : EXPLANATION;
        const [{ id }]: { id: string }[] = await db.query(
          `INSERT INTO matching.opportunity_matches (odoo_id, ace_id, status, probability, score, explanation)
         VALUES ($1, $2, $3, $4, -1, $5::jsonb) RETURNING id::text`,
          [odooId, aceId, status, probability, explanation],
        );
        ids[name] = id;
      }
    });
    afterAll(() => app?.close());

    const get = (path: string, query: Record<string, string | number> = {}) =>
      request(app.getHttpServer())
        .get(`/api/v1/matches${path}`)
        .query(query)
        .set('Authorization', `Bearer ${analyst}`);
    const list = async (
      query: Record<string, string | number>,
    ): Promise<{ items: MatchListItemDto[]; nextCursor: string | null }> =>
      (await get('', query).expect(200)).body;
    const idsOf = async (query: Record<string, string | number>): Promise<string[]> =>
      (await list(query)).items.map((m) => m.id);

    it('lists each match with both records at a glance, read with it; null for a record CORE lacks', async () => {
      const { items, nextCursor } = await list({});
      expect(items.map((m) => m.id)).toEqual(
        ['roundsUp', 'notAnId', 'odooGone', 'aceGone', 'percent', 'both'].map((n) => ids[n]),
      );
      expect(nextCursor).toBeNull();
      const byId = new Map(items.map((m) => [m.id, m]));
      expect(byId.get(ids.both)).toMatchObject({
        odooId: '101',
        aceId: 'O1000001',
        status: 'proposed',
        odoo: {
          title: 'SAP migration',
          customer: 'Hospital Sao Lucas',
          stage: 'Qualified',
          amount: 120000,
          currency: 'USD',
          closeDate: '2026-12-14',
        },
        // ACE's amount is the deal's total (monthly spend × contract months), like Odoo's.
        ace: {
          title: 'Hospital SAP on AWS',
          customer: 'Beta Hospital Group',
          stage: 'Launched',
          amount: 12000,
          currency: 'USD',
          closeDate: '2026-11-30',
        },
      });
      // A summary carries these fields only: no contact (e-mail, phone) of the lead.
      expect(Object.keys(byId.get(ids.both)!.odoo!).sort()).toEqual([
        'amount',
        'closeDate',
        'currency',
        'customer',
        'stage',
        'title',
      ]);
      expect(byId.get(ids.percent)?.odoo).toEqual({
        title: 'Data lake',
        customer: '100% Natural Foods',
        stage: 'Proposition',
        amount: 50000.5,
        currency: 'EUR',
        closeDate: null,
      });
      expect(byId.get(ids.percent)?.ace).toMatchObject({ customer: 'AcmeXCorp', amount: null, currency: null }); // prettier-ignore
      expect(byId.get(ids.aceGone)).toMatchObject({ odoo: { title: 'ERP rollout' }, ace: null });
      expect(byId.get(ids.odooGone)).toMatchObject({
        odoo: null,
        ace: { title: 'Retail data lake' },
      });
      expect(byId.get(ids.notAnId)).toMatchObject({ odooId: 'legacy-7', odoo: null, ace: { customer: 'Beta Hospital Group' } }); // prettier-ignore
    });

    it('GET /matches/{id} keeps its shape: the match alone in `match`, the full records beside it', async () => {
      const detail = (await get(`/${ids.both}`).expect(200)).body;
      expect(detail.match).not.toHaveProperty('odoo');
      expect(detail.match).not.toHaveProperty('ace');
      expect(detail.odoo).toMatchObject({ odooId: 101, name: 'SAP migration' });
      expect(detail.ace).toMatchObject({ aceId: 'O1000001', title: 'Hospital SAP on AWS' });
    });

    /** The contributions of an explanation that quote contact details, by comparison. */
    const contactLines = (explanation: { contributions: Record<string, unknown>[] }) =>
      Object.fromEntries(
        explanation.contributions
          .filter((line) => ['email', 'phone', 'contact'].includes(line.comparison as string))
          .map(({ comparison, value, tfValue }) => [comparison, { value, tfValue }]),
      );
    const MASKED_LINES = {
      email: { value: 'a***@saolucas.example', tfValue: 'a***@saolucas.example' },
      phone: { value: '+**********01 ≠ +**********99', tfValue: undefined },
      contact: { value: null, tfValue: undefined },
    };
    const CLEAR_LINES = {
      email: { value: 'ana@saolucas.example', tfValue: 'ana@saolucas.example' },
      phone: { value: '+551155550101 ≠ +551155559999', tfValue: undefined },
      contact: { value: null, tfValue: undefined },
    };

    it('GET /matches/{id} masks the contact details for analysts, and only for them', async () => {
      const engineer = (await app.get(ApiKeyService).create('eng', 'engineer', 'test')).key;
      const admin = (await app.get(ApiKeyService).create('adm', 'admin', 'test')).key;
      const asAnalyst = (await get(`/${ids.both}`).expect(200)).body;
      expect(asAnalyst.odoo).toMatchObject({
        name: 'SAP migration',
        customer: 'Hospital Sao Lucas',
        contact: 'A*** S***',
        email: 'a***@saolucas.example',
        phone: '+** ** **** **01',
      });
      expect(asAnalyst.ace).toMatchObject({
        title: 'Hospital SAP on AWS',
        customer: 'Beta Hospital Group',
        contacts: ['A*** S***', 'B*** L***'],
        contactEmails: ['a***@saolucas.example'],
        contactPhones: ['+** ** **** **01'],
        deletedAt: null,
      });
      expect(contactLines(asAnalyst.match.explanation)).toEqual(MASKED_LINES);
      // Masking changes no weight: the score is still their sum.
      expect(asAnalyst.match.score).toBe(8.7);

      for (const key of [engineer, admin]) {
        const clear = (
          await request(app.getHttpServer())
            .get(`/api/v1/matches/${ids.both}`)
            .set('Authorization', `Bearer ${key}`)
            .expect(200)
        ).body;
        expect(clear.odoo).toMatchObject({ contact: 'Ana Souza', email: 'ana@saolucas.example', phone: '+55 11 5555 0101' }); // prettier-ignore
        expect(clear.ace).toMatchObject({
          contacts: ['Ana Souza', 'Bruno Lima'],
          contactEmails: ['ana@saolucas.example'],
          contactPhones: ['+55 11 5555 0101'],
        });
        expect(contactLines(clear.match.explanation)).toEqual(CLEAR_LINES);
      }
    });

    it("sends a soft-deleted record's deletedAt as a timestamp to analysts too, not `{}`", async () => {
      const detail = (await get(`/${ids.roundsUp}`).expect(200)).body;
      expect(new Date(detail.ace.deletedAt).toISOString()).toBe('2026-03-01T10:00:00.000Z');
    });

    it("masks the explanations' contact values in the list for analysts, and only for them", async () => {
      const both = (await list({})).items.find((m) => m.id === ids.both)!;
      expect(contactLines(both.explanation as never)).toEqual(MASKED_LINES);
      const engineer = (await app.get(ApiKeyService).create('eng2', 'engineer', 'test')).key;
      const asEngineer = await request(app.getHttpServer())
        .get('/api/v1/matches')
        .set('Authorization', `Bearer ${engineer}`)
        .expect(200);
      const clear = (asEngineer.body as { items: MatchListItemDto[] }).items.find((m) => m.id === ids.both)!; // prettier-ignore
      expect(contactLines(clear.explanation as never)).toEqual(CLEAR_LINES);
    });

    it("GET /matching/compare masks the pair's contact values for analysts, and only for them", async () => {
      const compare = (key: string) =>
        request(app.getHttpServer())
          .get('/api/v1/matching/compare')
          .query({ aceId: 'O1000001', odooId: '101' })
          .set('Authorization', `Bearer ${key}`)
          .expect(200);
      const engineer = (await app.get(ApiKeyService).create('eng3', 'engineer', 'test')).key;
      const clear = contactLines((await compare(engineer)).body.explanation);
      const masked = contactLines((await compare(analyst)).body.explanation);
      // Both records list the same email and phone: the comparisons agree on them.
      expect(clear.email).toMatchObject({ value: 'ana@saolucas.example' });
      expect(clear.phone).toMatchObject({ value: '+551155550101' });
      expect(masked.email).toMatchObject({ value: 'a***@saolucas.example' });
      expect(masked.phone).toMatchObject({ value: '+**********01' });
      // The shared value whose rarity weighed the agreement is masked as the value is.
      expect(clear.email.tfValue).toBe('ana@saolucas.example');
      expect(masked.email.tfValue).toBe('a***@saolucas.example');
      expect(clear.phone.tfValue).toBe('+551155550101');
      expect(masked.phone.tfValue).toBe('+**********01');
    });

    it("filters by customer: part of either side's name, in any case", async () => {
      // Odoo's customer (both), ACE's only (notAnId, roundsUp: their Odoo side is gone or other).
      expect(await idsOf({ customer: 'HOSPITAL' })).toEqual([ids.roundsUp, ids.notAnId, ids.both]);
      expect(await idsOf({ customer: 'sao luc' })).toEqual([ids.both]);
      expect(await idsOf({ customer: 'acmexcorp' })).toEqual([ids.odooGone, ids.percent]);
      expect(await idsOf({ customer: 'hospital', status: 'proposed' })).toEqual([ids.both]);
      expect(await idsOf({ customer: 'no such customer' })).toEqual([]);
    });

    it('takes `%` and `_` in the customer filter literally', async () => {
      // As wildcards, `100%` would also find "100 Percent Natural", and `e_C` "AcmeXCorp".
      expect(await idsOf({ customer: '100%' })).toEqual([ids.percent]);
      expect(await idsOf({ customer: 'e_C' })).toEqual([ids.roundsUp]);
      expect(await idsOf({ customer: '%' })).toEqual([ids.percent]);
      expect(await idsOf({ customer: '\\' })).toEqual([]);
    });

    it('pages a filtered list: each page full while more pass, every match once', async () => {
      const first = await list({ customer: 'hospital', limit: 2 });
      expect(first.items.map((m) => m.id)).toEqual([ids.roundsUp, ids.notAnId]);
      expect(first.nextCursor).toBe(ids.notAnId);
      const second = await list({ customer: 'hospital', limit: 2, cursor: first.nextCursor! });
      expect(second.items.map((m) => m.id)).toEqual([ids.both]);
      expect(second.nextCursor).toBeNull();
    });

    it('refuses a blank or overlong customer filter, naming the field', async () => {
      for (const customer of ['', '   ', 'x'.repeat(201)]) {
        const response = await get('', { customer }).expect(400);
        expect(response.body.fields).toEqual([
          { field: 'customer', problems: [expect.stringMatching(/^customer must/)] },
        ]);
      }
      await get('', { customer: 'x'.repeat(200) }).expect(200);
    });

    it('counts matches per status and per probability bin; the counts add up; edges fall right', async () => {
      const stats: MatchStatsDto = (await get('/stats').expect(200)).body;
      expect(stats.total).toBe(6);
      expect(stats.byStatus).toEqual({
        proposed: 2,
        auto_linked: 1,
        approved: 1,
        rejected: 1,
        superseded: 1,
      });
      expect(Object.values(stats.byStatus).reduce((a, b) => a + b, 0)).toBe(stats.total);
      expect(stats.probabilityBins.map((b) => [b.from, b.to])).toEqual([
      [0, 0.1], [0.1, 0.2], [0.2, 0.3], [0.3, 0.4], [0.4, 0.5],
      [0.5, 0.6], [0.6, 0.7], [0.7, 0.8], [0.8, 0.9], [0.9, 1],
    ]); // prettier-ignore
      expect(stats.probabilityBins.map((b) => b.total)).toEqual([1, 2, 0, 0, 0, 1, 0, 0, 0, 2]);
      expect(stats.probabilityBins.reduce((sum, b) => sum + b.total, 0)).toBe(stats.total);
      const zero = { proposed: 0, auto_linked: 0, approved: 0, rejected: 0, superseded: 0 };
      // 0.0999 below 0.1; 0.1 in [0.1, 0.2); 0.09999, sent as 0.1, there too.
      expect(stats.probabilityBins[0].byStatus).toEqual({ ...zero, proposed: 1 });
      expect(stats.probabilityBins[1].byStatus).toEqual({ ...zero, proposed: 1, approved: 1 });
      expect(stats.probabilityBins[5].byStatus).toEqual({ ...zero, superseded: 1 });
      // 1 is in the last bin, with 0.95.
      expect(stats.probabilityBins[9].byStatus).toEqual({ ...zero, auto_linked: 1, rejected: 1 });
      for (const bin of stats.probabilityBins) {
        expect(Object.values(bin.byStatus).reduce((a, b) => a + b, 0)).toBe(bin.total);
      }
      const listed = (await list({})).items.find((m) => m.id === ids.roundsUp);
      expect(listed?.probability).toBe(0.1);

      const refused = await get('/stats', { runId: '1' }).expect(400);
      expect(JSON.stringify(refused.body)).toMatch(/runId/);
    });

    it('a decision on a stale version: 409 saying the match changed, with its current version', async () => {
      const decide = (action: 'approve' | 'reject', version: number) =>
        request(app.getHttpServer())
          .post(`/api/v1/matches/${ids.aceGone}/${action}`)
          .set('Authorization', `Bearer ${analyst}`)
          .send({ version });
      await decide('approve', 1).expect(200);
      const stale = await decide('reject', 1).expect(409);
      expect(stale.body).toEqual({
        statusCode: 409,
        error: 'conflict',
        message: expect.stringMatching(/changed since you read it.*version 2.*reload it/),
        details: { id: ids.aceGone, version: 2, status: 'approved' },
        correlationId: expect.any(String),
      });
      await decide('reject', stale.body.details.version).expect(200);
    });
  },
);
