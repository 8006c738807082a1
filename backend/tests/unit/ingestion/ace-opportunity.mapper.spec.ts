import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { flattenGetOpportunity } from '@revops/ingestion/connectors/ace-opportunity.mapper';
import { opportunityRow } from '@revops/ingestion/connectors/apn-rows';
import { checkRawRow } from '@revops/ingestion/raw/check-raw-row';
import { RAW_TABLES } from '@revops/ingestion/raw/raw-table-spec';
import { SHARED_DIR } from '../../fixtures/paths';

const response = JSON.parse(
  readFileSync(join(SHARED_DIR, 'fixtures/ace/get-opportunity.response.json'), 'utf8'),
);

describe('flattenGetOpportunity', () => {
  it("maps AWS's sample GetOpportunity response onto raw.apn_opportunity columns", () => {
    const row = flattenGetOpportunity(response);
    expect(row).toMatchObject({
      id: 'O1111111',
      catalog: 'AWS',
      customer_company_name: 'TestCompanyName',
      customer_country_code: 'LT',
      customer_industry: 'Non-Profit Organization',
      project_customer_use_case: 'Database',
      lifecycle_stage: 'Launched',
      lifecycle_target_close_date: '2029-05-05',
      created_date: '2024-11-14T19:32:03Z',
    });
    expect(row.project_expected_customer_spend).toEqual([
      expect.objectContaining({ Amount: '531', CurrencyCode: 'USD', Frequency: 'Monthly' }),
    ]);
  });

  it('loads every response field somewhere: a column, or _extra', () => {
    const row = opportunityRow(response);
    const check = checkRawRow(RAW_TABLES.apn_opportunity, row);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.row.values.marketing_source).toBe('None');
    // The related ids are rows of apn_opportunity_related_entity, not extra fields.
    expect(Object.keys(check.row.extra)).toEqual([]);
  });
});
