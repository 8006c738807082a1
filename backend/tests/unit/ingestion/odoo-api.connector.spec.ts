import { isTransientError } from '@revops/core';
import {
  OdooApiConnector,
  odooFaultError,
  odooHttpError,
  odooNetworkError,
} from '@revops/ingestion/connectors/odoo-api.connector';
import {
  flattenMany2one,
  keysetDomain,
  modelFor,
  nextSecond,
  pageDomain,
  storedFields,
  tagRelationRows,
} from '@revops/ingestion/connectors/odoo-api.domain';
import { RAW_TABLES } from '@revops/ingestion/raw/raw-table-spec';

const order = ['write_date', 'id'];

describe('odoo api connector: domains and rows', () => {
  it('names the model of a table, and reads crm_tag_rel through crm.lead', () => {
    expect(modelFor({ sourceTable: 'crm_lead' })).toBe('crm.lead');
    expect(modelFor({ sourceTable: 'res_partner_industry' })).toBe('res.partner.industry');
    expect(modelFor({ sourceTable: 'crm_tag_rel' })).toBe('crm.lead');
  });

  it('builds the page domain: everything, from an overlap start, or after a position', () => {
    expect(pageDomain({ order, limit: 10 })).toEqual([]);
    expect(pageDomain({ order, limit: 10, from: '2026-01-01 00:00:00' })).toEqual([
      ['write_date', '>=', '2026-01-01 00:00:00'],
    ]);
    expect(pageDomain({ order, limit: 10, after: ['2026-01-01 10:00:00', 7] })).toEqual([
      '|',
      ['write_date', '>', '2026-01-01 10:00:00'],
      '&',
      ['write_date', '=', '2026-01-01 10:00:00'],
      ['id', '>', 7],
    ]);
  });

  it('treats a datetime position as a whole second, since read drops the microseconds', () => {
    expect(pageDomain({ order, limit: 10, after: ['2026-01-01 10:00:59', 7] }, true)).toEqual([
      '|',
      ['write_date', '>=', '2026-01-01 10:01:00'],
      '&',
      '&',
      ['write_date', '>=', '2026-01-01 10:00:59'],
      ['write_date', '<', '2026-01-01 10:01:00'],
      ['id', '>', 7],
    ]);
    expect(nextSecond('2026-12-31 23:59:59')).toBe('2027-01-01 00:00:00');
    expect(() => nextSecond('yesterday')).toThrow(/not an Odoo datetime/);
  });

  it('compares composite keys column by column', () => {
    expect(keysetDomain(['lead_id', 'tag_id'], [4, 2])).toEqual([
      '|',
      ['lead_id', '>', 4],
      '&',
      ['lead_id', '=', 4],
      ['tag_id', '>', 2],
    ]);
    expect(keysetDomain(['id'], [9])).toEqual([['id', '>', 9]]);
  });

  it('asks only for stored fields the RAW table has', () => {
    const fields = {
      id: { type: 'integer', store: true },
      name: { type: 'char', store: true },
      stage_id: { type: 'many2one', store: true },
      duplicate_lead_count: { type: 'integer', store: false },
      x_studio_score: { type: 'integer', store: true },
      display_name: { type: 'char', store: false },
    };
    expect(storedFields(RAW_TABLES.odoo_crm_lead, fields)).toEqual(['id', 'name', 'stage_id']);
    expect(() => storedFields(RAW_TABLES.odoo_crm_lead, { name: fields.name })).toThrow(
      /crm.lead does not report a stored id/,
    );
  });

  it('turns a many2one [id, name] into the id and leaves other values as read', () => {
    const fields = {
      stage_id: { type: 'many2one', store: true },
      partner_id: { type: 'many2one', store: true },
      tag_ids: { type: 'many2many', store: true },
    };
    expect(
      flattenMany2one({ id: 1, stage_id: [4, 'Won'], partner_id: false, tag_ids: [3, 5] }, fields),
    ).toEqual({ id: 1, stage_id: 4, partner_id: false, tag_ids: [3, 5] });
  });

  it('expands tag_ids into crm_tag_rel rows in key order', () => {
    expect(
      tagRelationRows([
        { id: 9, tag_ids: [2] },
        { id: 3, tag_ids: [5, 1] },
        { id: 4, tag_ids: [] },
      ]),
    ).toEqual([
      { lead_id: 3, tag_id: 1 },
      { lead_id: 3, tag_id: 5 },
      { lead_id: 9, tag_id: 2 },
    ]);
  });
});

describe('odoo api connector: errors', () => {
  it("names the call and Odoo's reason, not its traceback", () => {
    // As JSON-RPC sends it in `error`; only data.name and the first line of data.message count.
    const fault = {
      code: 200,
      message: 'Odoo Server Error',
      data: {
        name: 'builtins.ValueError',
        message: "Invalid field 'x' on model 'crm.lead'\nmore",
        debug: 'Traceback (most recent call last): ...',
      },
    };
    const error = odooFaultError('crm.lead.search_read', fault);
    expect(error.message).toBe(
      "Odoo crm.lead.search_read failed: Invalid field 'x' on model 'crm.lead' (builtins.ValueError)",
    );
    expect(isTransientError(error)).toBe(false);
  });

  it('says Access Denied for a refused login, over either protocol', () => {
    const rpc = odooFaultError('ir.model.search_read', {
      message: 'Odoo Server Error',
      data: { name: 'odoo.exceptions.AccessDenied', message: 'Access Denied' },
    });
    expect(rpc.message).toMatch(/Access Denied/);
    expect(rpc.code).toBe('ODOO_ACCESS_DENIED');
    const json2 = odooHttpError(
      'ir.model.search_read',
      401,
      JSON.stringify({ name: 'werkzeug.exceptions.Unauthorized', message: 'Invalid apikey' }),
    );
    expect(json2.message).toBe(
      'Odoo ir.model.search_read failed: Access Denied (HTTP 401 werkzeug.exceptions.Unauthorized: Invalid apikey)',
    );
  });

  it('keeps socket codes, and retries busy gateways, so the sync engine tries again', () => {
    const refused = new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8069'), {
        code: 'ECONNREFUSED',
      }),
    });
    const network = odooNetworkError('crm.lead.search', 'https://odoo.example.com', refused);
    expect(network.code).toBe('ECONNREFUSED');
    expect(isTransientError(network)).toBe(true);
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    expect(odooNetworkError('crm.lead.search', 'x', timeout).code).toBe('ETIMEDOUT');
    expect(isTransientError(odooHttpError('crm.lead.search', 503, '<html>busy</html>'))).toBe(true);
    expect(odooHttpError('crm.lead.search', 500, '<html>oops</html>').message).toBe(
      'Odoo crm.lead.search failed: HTTP 500',
    );
  });

  it('never shows the password or API key, in its description or its errors', async () => {
    const password = 's3cret-Pa55';
    const fetchEcho = (async () =>
      new Response(
        JSON.stringify({
          jsonrpc: '2.0',
          id: 1,
          error: {
            code: 200,
            message: 'Odoo Server Error',
            data: { name: 'builtins.KeyError', message: `bad args ${password}` },
          },
        }),
      )) as typeof fetch;
    const connector = new OdooApiConnector({
      url: 'https://admin:other-secret@odoo.example.com/?debug=1',
      database: 'prod',
      protocol: 'jsonrpc',
      username: 'admin',
      password,
      fetch: fetchEcho,
    });
    expect(connector.description).toBe('odoo-jsonrpc https://odoo.example.com db prod');
    const failure = connector.availableTables([RAW_TABLES.odoo_crm_lead]);
    await expect(failure).rejects.toThrow('bad args [redacted]');
    await expect(failure).rejects.not.toThrow(password);
    expect(() => new OdooApiConnector({ url: 'x', database: 'd', protocol: 'json2' })).toThrow(
      'Odoo JSON-2 needs an API key',
    );
  });
});
