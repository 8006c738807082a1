import { PostgresSourceConnector } from '@revops/ingestion/connectors/postgres-source.connector';
import { checkCopyPage, checkRawRow } from '@revops/ingestion/raw/check-raw-row';
import { RawTableSpec } from '@revops/ingestion/raw/raw-table-spec';
import { Client } from 'pg';
import { describeWithDatabase, useTestDatabase } from '../../fixtures/test-database';

/**
 * A database source's rows reach RAW as PostgreSQL's own COPY text; the same rows read as
 * objects (the verifier, or a PGlite target) are printed into COPY text by our code. Both
 * must give the same bytes, or the same row would hash two ways.
 */
describeWithDatabase(
  'COPY text parity: PostgreSQL’s printing and ours',
  () => {
    let client: Client;
    let connector: PostgresSourceConnector;
    afterAll(async () => {
      await connector?.close();
      await client?.end();
    });
    const database = useTestDatabase('postgres');
    const spec: RawTableSpec = {
      table: 'odoo_parity',
      source: 'odoo',
      sourceTable: 'parity',
      primaryKey: ['id'],
      cursor: ['write_date', 'id'],
      required: ['id'],
      columns: {
        id: 'integer',
        big: 'integer',
        name: 'text',
        label: 'text',
        translated: 'jsonb',
        tags: 'text[]',
        share: 'double',
        amount: 'numeric',
        active: 'boolean',
        deadline: 'date',
        write_date: 'timestamp',
        seen_at: 'timestamptz',
      },
    };

    beforeAll(async () => {
      client = new Client({ connectionString: database.url });
      await client.connect();
      await client.query(`
        CREATE SCHEMA src;
        CREATE TABLE src.parity (
          id integer PRIMARY KEY, big bigint, name varchar, label text, translated jsonb,
          tags text[], share double precision, amount numeric(14, 2), active boolean,
          deadline date, write_date timestamp, seen_at timestamptz);
        INSERT INTO src.parity VALUES
          (1, 9007199254740991, E'tab\\there, new\\nline, back\\\\slash', 'Ünïcödé ✓ 😀',
           '{"en_US": "New", "fr_FR": "Nouveau", "de_DE": "Neu \\"quoted\\" \\\\ \\n"}',
           ARRAY['plain', '', 'with space', 'say "hi"', 'back\\slash', 'NULL', 'a,b', 'é'],
           0.1, 1234.50, true, '2026-12-31', '2026-01-02 03:04:05.123456',
           '2026-01-02 03:04:05+02'),
          (2, NULL, NULL, '', '{"k": [1, 2.5, true, null, {"zz": "x", "a": "y"}]}',
           '{}', 1e-7, -0.01, false, NULL, NULL, NULL),
          (3, -5, E'carriage\\rreturn\\x07bell', ' lead space', '{}',
           ARRAY['{braces}'], 1e21, 0, NULL, '1999-01-01', '2026-05-05 00:00:00', now());
      `);
      connector = new PostgresSourceConnector('odoo', database.url!, 'src');
    });

    it('sees the source columns match RAW, so the COPY path applies', async () => {
      expect(await connector.copyMatchesRaw(spec)).toBe(true);
    });

    it('prints every row exactly as PostgreSQL does, so both paths hash alike', async () => {
      const objects = await connector.readPage(spec, { order: ['id'], limit: 10 });
      const written: string[] = [];
      for await (const page of connector.copyPages(spec, { order: ['id'] }, 2)) {
        const checked = checkCopyPage(spec, page);
        expect(checked.bad).toEqual([]);
        written.push(...checked.good.copyText('1').toString().split('\n').slice(0, -1));
      }
      expect(written).toHaveLength(3);
      objects.forEach((object, i) => {
        const fromObject = checkRawRow(spec, object);
        if (!fromObject.ok) throw new Error(`row ${i + 1} should pass`);
        expect(written[i]).toBe(`${fromObject.row.line}\t1\t${fromObject.row.rowHash}\t{}`);
      });
    });

    it('drops out of the COPY path when the source has a column RAW lacks', async () => {
      await client.query('ALTER TABLE src.parity ADD COLUMN x_studio_region text');
      expect(await connector.copyMatchesRaw(spec)).toBe(false);
    });
  },
  'postgres',
);
