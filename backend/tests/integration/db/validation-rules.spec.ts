import { INestApplication } from '@nestjs/common';
import { ApiKeyService } from '@revops/core';
import { VALIDATION_RULES, ValidationModule, ValidationService } from '@revops/validation';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createTestApp } from '../../fixtures/test-app';
import { describeWithDatabase, useTestDatabase } from '../../fixtures/test-database';

type Row = Record<string, unknown>;

/** Rows to insert, by table; each is merged over that table's minimal valid row. */
type Rows = Partial<Record<keyof typeof BASE, Row[]>>;

const BASE = {
  'core.odoo_opportunities': { name: 'Data platform', source_hash: 'h' },
  'core.ace_opportunities': { title: 'Data platform', source_hash: 'h' },
  'raw.odoo_crm_lead': { name: 'Data platform', _row_hash: 'h' },
  'raw.odoo_crm_stage': { name: { en_US: 'New' }, _row_hash: 'h' },
  'raw.odoo_res_partner': { name: 'Acme', _row_hash: 'h' },
  'raw.odoo_res_users': { login: 'ana@example.com', partner_id: 1, _row_hash: 'h' },
  'raw.odoo_res_country': { name: { en_US: 'Brazil' }, code: 'BR', _row_hash: 'h' },
  'core.aws_accounts': { sources: ['ace'] },
};

/** Odoo rows with ids in 100 + n·10 and ACE rows `O<n>…`, so cases never share a row. */
interface RuleCase {
  rows: Rows;
  violating: string[];
  passing: string[];
}

const odoo = (id: number, fields: Row = {}): Row => ({ odoo_id: id, ...fields });
const ace = (id: string, fields: Row = {}): Row => ({ ace_id: id, ...fields });
const lead = (id: number, fields: Row): Row => ({ id, ...fields });
const many = (count: number, row: (i: number) => Row): Row[] =>
  Array.from({ length: count }, (_, i) => row(i));

/** A violating and a passing row for every rule of the registry (a rule missing here fails). */
const CASES: Record<string, RuleCase> = {
  'odoo.required.name': {
    rows: { 'core.odoo_opportunities': [odoo(101, { name: '  ' }), odoo(102)] },
    violating: ['101'],
    passing: ['102'],
  },
  'odoo.required.customer': {
    rows: {
      'core.odoo_opportunities': [odoo(111), odoo(112, { contact_name: 'Ana Souza' })],
    },
    violating: ['111'],
    passing: ['112'],
  },
  'odoo.reference.stage': {
    rows: {
      'raw.odoo_crm_stage': [{ id: 1 }],
      'raw.odoo_crm_lead': [lead(121, { stage_id: 99 }), lead(122, { stage_id: 1 })],
    },
    violating: ['121'],
    passing: ['122'],
  },
  'odoo.reference.partner': {
    rows: {
      'raw.odoo_res_partner': [{ id: 7 }],
      'raw.odoo_crm_lead': [lead(131, { partner_id: 99 }), lead(132, { partner_id: 7 })],
    },
    violating: ['131'],
    passing: ['132'],
  },
  'odoo.reference.user': {
    rows: {
      'raw.odoo_res_users': [{ id: 2 }],
      'raw.odoo_crm_lead': [lead(141, { user_id: 99 }), lead(142, { user_id: 2 })],
    },
    violating: ['141'],
    passing: ['142'],
  },
  'odoo.reference.country': {
    rows: {
      'raw.odoo_res_country': [{ id: 31 }],
      'raw.odoo_crm_lead': [lead(151, { country_id: 999 }), lead(152, { country_id: 31 })],
    },
    violating: ['151'],
    passing: ['152'],
  },
  'odoo.format.email': {
    rows: {
      'core.odoo_opportunities': [
        odoo(161, { email: 'ana.souza at acme.com' }),
        odoo(162, { email: 'ana.souza@acme.com.br' }),
      ],
    },
    violating: ['161'],
    passing: ['162'],
  },
  'odoo.format.website': {
    rows: {
      'core.odoo_opportunities': [
        odoo(171, { website: 'htp//acme' }),
        odoo(172, { website: 'https://www.acme.com.br/contato' }),
      ],
    },
    violating: ['171'],
    passing: ['172'],
  },
  'odoo.format.country': {
    rows: {
      'core.odoo_opportunities': [
        odoo(181, { country_code: 'UK' }),
        odoo(182, { country_code: 'GB' }),
      ],
    },
    violating: ['181'],
    passing: ['182'],
  },
  'odoo.format.currency': {
    rows: {
      'core.odoo_opportunities': [
        odoo(191, { currency_code: 'US$' }),
        odoo(192, { currency_code: 'BRL' }),
      ],
    },
    violating: ['191'],
    passing: ['192'],
  },
  'odoo.range.probability': {
    rows: {
      'core.odoo_opportunities': [odoo(201, { probability: 150 }), odoo(202, { probability: 100 })],
    },
    violating: ['201'],
    passing: ['202'],
  },
  'odoo.range.expected-revenue': {
    rows: {
      'core.odoo_opportunities': [
        odoo(211, { expected_revenue: '-5000' }),
        odoo(212, { expected_revenue: '0' }),
      ],
    },
    violating: ['211'],
    passing: ['212'],
  },
  'odoo.range.close-date': {
    rows: {
      'core.odoo_opportunities': [
        odoo(221, { date_deadline: '1970-01-01' }),
        odoo(222, { date_deadline: '2099-12-31' }),
        odoo(223, { date_deadline: '2027-03-31' }),
      ],
    },
    violating: ['221', '222'],
    passing: ['223'],
  },
  'odoo.duplicate.email-domain': {
    rows: {
      'core.odoo_opportunities': [
        odoo(231, { email: 'ana@globex.com.br' }),
        odoo(232, { email: 'bruno@GLOBEX.com.br' }),
        odoo(233, { email: 'carla@initech.io' }),
        // A webmail domain says nothing about the company; over 20 sharers is no signal.
        odoo(234, { email: 'ana@gmail.com' }),
        odoo(235, { email: 'bruno@gmail.com' }),
        ...many(21, (i) => odoo(2400 + i, { email: `buyer${i}@bigcorp.com` })),
      ],
    },
    violating: ['231', '232'],
    passing: ['233', '234', '235', '2400'],
  },
  'odoo.duplicate.phone': {
    rows: {
      'core.odoo_opportunities': [
        odoo(251, { phone: '+55 11 5555-0101' }),
        odoo(252, { phone: '+55 (11) 5555 0101' }),
        odoo(253, { phone: '+55 11 5555-0199' }),
        odoo(254, { phone: '12' }),
        odoo(255, { phone: '1-2' }),
      ],
    },
    violating: ['251', '252'],
    passing: ['253', '254'],
  },
  'odoo.duplicate.commercial-partner': {
    rows: {
      'core.odoo_opportunities': [
        odoo(261, { customer_partner_id: 77 }),
        odoo(262, { customer_partner_id: 77 }),
        odoo(263, { customer_partner_id: 78 }),
      ],
    },
    violating: ['261', '262'],
    passing: ['263'],
  },
  'ace.required.title': {
    rows: { 'core.ace_opportunities': [ace('O1001', { title: null }), ace('O1002')] },
    violating: ['O1001'],
    passing: ['O1002'],
  },
  'ace.required.customer': {
    rows: {
      'core.ace_opportunities': [
        ace('O1011'),
        ace('O1012', { customer_company_name: 'Acme' }),
        ace('O1013', { is_national_security: true }),
      ],
    },
    violating: ['O1011'],
    passing: ['O1012', 'O1013'],
  },
  'ace.format.aws-account-id': {
    rows: {
      'core.ace_opportunities': [
        ace('O1021', { aws_account_id: '12345678901' }),
        ace('O1022', { aws_account_id: '123456789012' }),
      ],
    },
    violating: ['O1021'],
    passing: ['O1022'],
  },
  'ace.format.country': {
    rows: {
      'core.ace_opportunities': [
        ace('O1031', { country_code: 'UK' }),
        ace('O1032', { country_code: 'US' }),
      ],
    },
    violating: ['O1031'],
    passing: ['O1032'],
  },
  'ace.format.currency': {
    rows: {
      'core.ace_opportunities': [
        ace('O1041', { spend_currency: 'XYZ' }),
        ace('O1042', { spend_currency: 'USD' }),
      ],
    },
    violating: ['O1041'],
    passing: ['O1042'],
  },
  'ace.format.website': {
    rows: {
      'core.ace_opportunities': [
        ace('O1051', { customer_website: 'not a website' }),
        ace('O1052', { customer_website: 'acme.com' }),
      ],
    },
    violating: ['O1051'],
    passing: ['O1052'],
  },
  'ace.format.owner-email': {
    rows: {
      'core.ace_opportunities': [
        ace('O1061', { owner_email: 'owner@' }),
        ace('O1062', { owner_email: 'owner@partner.example' }),
      ],
    },
    violating: ['O1061'],
    passing: ['O1062'],
  },
  'ace.range.monthly-spend': {
    rows: {
      'core.ace_opportunities': [
        ace('O1071', { expected_monthly_spend: '-1' }),
        ace('O1072', { expected_monthly_spend: '2500.50' }),
      ],
    },
    violating: ['O1071'],
    passing: ['O1072'],
  },
  'ace.range.close-date': {
    rows: {
      'core.ace_opportunities': [
        ace('O1081', { target_close_date: '1999-12-31' }),
        ace('O1082', { target_close_date: '2027-01-15' }),
      ],
    },
    violating: ['O1081'],
    passing: ['O1082'],
  },
  'ace.duplicate.partner-reference': {
    rows: {
      'core.ace_opportunities': [
        ace('O1091', { partner_opportunity_identifier: '4711' }),
        ace('O1092', { partner_opportunity_identifier: '4711' }),
        ace('O1093', { partner_opportunity_identifier: '4712' }),
      ],
    },
    violating: ['O1091', 'O1092'],
    passing: ['O1093'],
  },
  'ace.consistency.aws-account-company': {
    rows: {
      'core.aws_accounts': [
        {
          aws_account_id: '111111111111',
          company_names: ['Globex', 'Initech'],
          distinct_companies: 2,
        },
        {
          aws_account_id: '222222222222',
          company_names: ['Acme', 'ACME Inc'],
          distinct_companies: 1,
        },
      ],
      'core.ace_opportunities': [
        ace('O1101', { aws_account_id: '111111111111', customer_company_name: 'Globex' }),
        ace('O1102', { aws_account_id: '111111111111', customer_company_name: 'Initech' }),
        ace('O1103', { aws_account_id: '222222222222', customer_company_name: 'Acme' }),
        ace('O1104', { aws_account_id: '222222222222', customer_company_name: 'ACME Inc' }),
      ],
    },
    violating: ['O1101', 'O1102'],
    passing: ['O1103', 'O1104'],
  },
};

describeWithDatabase('validation rules', () => {
  useTestDatabase();
  let app: INestApplication;
  let db: DataSource;
  let engineerKey: string;
  let jobRunId: string;

  const insert = async (table: keyof typeof BASE, row: Row) => {
    const full = { ...BASE[table], ...row };
    const columns = Object.keys(full).join(', ');
    await db.query(
      `INSERT INTO ${table} (${columns})
       SELECT ${columns} FROM jsonb_populate_record(NULL::${table}, $1::jsonb)
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(full)],
    );
  };

  beforeAll(async () => {
    app = await createTestApp([ValidationModule]);
    db = app.get(DataSource);
    engineerKey = (await app.get(ApiKeyService).create('validation-test', 'engineer', 'test')).key;
    for (const { rows } of Object.values(CASES)) {
      for (const [table, list] of Object.entries(rows)) {
        for (const row of list) await insert(table as keyof typeof BASE, row);
      }
    }
    jobRunId = (await app.get(ValidationService).run('test')).jobRunId;
  });
  afterAll(() => app?.close());

  it('has a case for every rule of the registry, and a rule for every case', () => {
    expect(Object.keys(CASES).sort()).toEqual(VALIDATION_RULES.map((r) => r.id).sort());
  });

  describe.each(VALIDATION_RULES.map((rule) => [rule.id, rule.severity] as const))(
    '%s (%s)',
    (ruleId) => {
      it('reports the violating rows and not the passing ones', async () => {
        const [result]: { violations: number; sample_ids: string[] }[] = await db.query(
          `SELECT violations, sample_ids FROM ops.validation_results
            WHERE job_run_id = $1 AND rule_id = $2`,
          [jobRunId, ruleId],
        );
        expect(result.sample_ids).toEqual(expect.arrayContaining(CASES[ruleId].violating));
        for (const id of CASES[ruleId].passing) expect(result.sample_ids).not.toContain(id);
        expect(result.violations).toBeGreaterThanOrEqual(CASES[ruleId].violating.length);
      });
    },
  );

  it('holds back exactly the rows failing an error rule, naming the rules', async () => {
    const held: { entity: string; record_id: string; rule_ids: string[] }[] = await db.query(
      'SELECT entity, record_id, rule_ids FROM ops.validation_holds',
    );
    const holding = (ruleId: string) =>
      held.filter((h) => h.rule_ids.includes(ruleId)).map((h) => `${h.entity}:${h.record_id}`);
    for (const rule of VALIDATION_RULES) {
      const expected = rule.severity === 'error' ? CASES[rule.id].violating : [];
      expect(holding(rule.id).sort()).toEqual(expected.map((id) => `${rule.entity}:${id}`).sort());
    }
  });

  it('releases a hold once the row is clean, and keeps the others', async () => {
    await db.query(`UPDATE core.odoo_opportunities SET probability = 50 WHERE odoo_id = 201`);
    const summary = await app.get(ValidationService).run('test');
    expect(summary.released).toBe(1);
    expect(summary.newlyHeld).toBe(0);
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM ops.validation_holds WHERE record_id = '201'`,
    );
    expect(n).toBe(0);
  });

  it('answers POST /validate/run with 202 and a run id, and GET /validate/runs/{id} per rule', async () => {
    const server = app.getHttpServer();
    await request(server).post('/api/v1/validate/run').expect(401);
    const started = await request(server)
      .post('/api/v1/validate/run')
      .set('Authorization', `Bearer ${engineerKey}`)
      .expect(202);
    const { id } = started.body as { id: string };
    let report = { status: 'running', results: [] as { ruleId: string; violations: number }[] };
    for (let attempt = 0; attempt < 100 && report.status === 'running'; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      report = (
        await request(server)
          .get(`/api/v1/validate/runs/${id}`)
          .set('Authorization', `Bearer ${engineerKey}`)
          .expect(200)
      ).body;
    }
    expect(report.status).toBe('succeeded');
    expect(report.results).toHaveLength(VALIDATION_RULES.length);
    expect(report.results.find((r) => r.ruleId === 'ace.format.aws-account-id')?.violations).toBe(
      1,
    );
    await request(server)
      .get('/api/v1/validate/runs/abc')
      .set('Authorization', `Bearer ${engineerKey}`)
      .expect(400);
    await request(server)
      .get('/api/v1/validate/runs/999999')
      .set('Authorization', `Bearer ${engineerKey}`)
      .expect(404);
  });
});
