import { ConfigValidationException, loadConfig } from '@revops/core';
import { IngestionConfig } from '@revops/ingestion/ingestion.config';

const problemsOf = (env: NodeJS.ProcessEnv): string[] => {
  try {
    loadConfig(IngestionConfig, env);
    return [];
  } catch (error) {
    return (error as ConfigValidationException).problems.map((p) => p.variable).sort();
  }
};

describe('IngestionConfig', () => {
  it('needs nothing for the default database connector', () => {
    expect(problemsOf({})).toEqual([]);
    expect(loadConfig(IngestionConfig, {})).toMatchObject({
      ODOO_CONNECTOR: 'db',
      SYNC_BATCH_SIZE: 1000,
      SYNC_OVERLAP_SECONDS: 300,
      SYNC_INCREMENTAL_CRON: '*/15 * * * *',
    });
  });

  it('names what each API connector is missing', () => {
    expect(problemsOf({ ODOO_CONNECTOR: 'jsonrpc' })).toEqual([
      'ODOO_API_DATABASE',
      'ODOO_API_PASSWORD',
      'ODOO_API_URL',
      'ODOO_API_USER',
    ]);
    expect(
      problemsOf({
        ODOO_CONNECTOR: 'json2',
        ODOO_API_URL: 'https://odoo.example.com',
        ODOO_API_DATABASE: 'prod',
      }),
    ).toEqual(['ODOO_API_KEY']);
  });

  it('needs a folder for Odoo CSV exports', () => {
    expect(problemsOf({ ODOO_CONNECTOR: 'csv' })).toEqual(['ODOO_CSV_DIR']);
  });

  it('needs a folder for ACE JSON files, and caps Partner Central reads at 10/s', () => {
    expect(problemsOf({ APN_CONNECTOR: 'files' })).toEqual(['APN_FILES_DIR']);
    expect(problemsOf({ APN_CONNECTOR: 'api', PARTNER_CENTRAL_READS_PER_SECOND: '20' })).toEqual([
      'PARTNER_CENTRAL_READS_PER_SECOND',
    ]);
  });

  it('rejects a bad connector, cron or URL', () => {
    expect(
      problemsOf({ ODOO_CONNECTOR: 'soap', SYNC_INCREMENTAL_CRON: 'often', ODOO_DB_URL: 'odoo' }),
    ).toEqual(expect.arrayContaining(['ODOO_CONNECTOR', 'ODOO_DB_URL', 'SYNC_INCREMENTAL_CRON']));
  });
});
