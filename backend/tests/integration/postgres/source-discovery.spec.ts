import { mergeDiscovery, schemaDrift, sourceTableDdl } from '@revops/ingestion/schema/discovery';
import { readDiscoveryDir } from '@revops/ingestion/schema/discovery-files';
import { SourceCatalogRepository } from '@revops/ingestion/schema/source-catalog.repository';
import { join } from 'node:path';
import { Client } from 'pg';
import { REPO_ROOT } from '../../fixtures/paths';
import { describeWithDatabase, useTestDatabase } from '../../fixtures/test-database';

/** A live Odoo-shaped source: the discovered tables, created in their own schema. */
describeWithDatabase(
  'source schema discovery',
  () => {
    let client: Client;
    // Declared before useTestDatabase so it runs first: the database is dropped after.
    afterAll(() => client?.end());
    const database = useTestDatabase('postgres');
    const stored = readDiscoveryDir(join(REPO_ROOT, 'data/schemas/discovery'));
    const lead = stored.find((t) => t.source === 'odoo' && t.table === 'crm_lead')!;
    const tagRel = stored.find((t) => t.table === 'crm_tag_rel')!;

    beforeAll(async () => {
      client = new Client({ connectionString: database.url });
      await client.connect();
      await client.query('CREATE SCHEMA odoo_src');
      await client.query(sourceTableDdl(lead, 'odoo_src'));
      await client.query(sourceTableDdl(tagRel, 'odoo_src'));
    });
    it('reads back exactly what was discovered: types, nullability, keys', async () => {
      const [liveLead, liveRel] = await new SourceCatalogRepository(client).tables('odoo_src', [
        'crm_lead',
        'crm_tag_rel',
      ]);
      expect(schemaDrift(lead.columns, liveLead.columns)).toEqual({
        added: [],
        removed: [],
        retyped: [],
      });
      expect(liveLead.primaryKey).toEqual(['id']);
      expect(liveRel.primaryKey).toEqual(['lead_id', 'tag_id']);
      const name = liveLead.columns.find((c) => c.name === 'name');
      expect(name).toEqual({ name: 'name', type: 'character varying', nullable: false });
    });

    it('reports a column added, one dropped and one retyped, and keeps the dropped one', async () => {
      await client.query('ALTER TABLE odoo_src.crm_lead ADD COLUMN x_studio_region varchar');
      await client.query('ALTER TABLE odoo_src.crm_lead DROP COLUMN referred');
      await client.query('ALTER TABLE odoo_src.crm_lead ALTER COLUMN color TYPE bigint');
      const [live] = await new SourceCatalogRepository(client).tables('odoo_src', ['crm_lead']);

      const drift = schemaDrift(lead.columns, live.columns);
      expect(drift.added.map((c) => c.name)).toEqual(['x_studio_region']);
      expect(drift.removed.map((c) => c.name)).toEqual(['referred']);
      expect(drift.retyped).toEqual([{ name: 'color', from: 'integer', to: 'bigint' }]);

      const merged = mergeDiscovery(lead, live);
      expect(merged.columns.find((c) => c.name === 'referred')).toMatchObject({
        removedFromSource: true,
      });
      expect(merged.columns.find((c) => c.name === 'partner_id')?.references).toBe('res_partner');
      // Recorded drift is not reported again.
      expect(schemaDrift(merged.columns, live.columns)).toEqual({
        added: [],
        removed: [],
        retyped: [],
      });
    });
  },
  'postgres',
);
