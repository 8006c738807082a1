import { MigrationInterface, QueryRunner } from 'typeorm';

/** ACE's LifeCycle.Stage in the one vocabulary both sources share. */
const ACE_STAGE_CATEGORY = `CASE stage WHEN 'Launched' THEN 'won' WHEN 'Closed Lost' THEN 'lost'
                                       ELSE 'open' END`;
/** Odoo: a won stage is won; a lead marked lost is archived (active = false). */
const ODOO_STAGE_CATEGORY = `CASE WHEN is_won THEN 'won' WHEN NOT active THEN 'lost' ELSE 'open' END`;

/** The full text without the template's line labels, which every document has. */
const CONTENT_TEXT = `regexp_replace(content, '^(Customer|Industry|Country|Use case|Stage): ', '', 'gn')`;

/**
 * Search in an analyst's words (issue 18):
 * - `stage_category` (open, won, lost) on both CORE tables, generated from the source's
 *   stage, and copied to search documents with the ACE industry, so one stage filter spans
 *   both sources;
 * - accents ignored: `unaccent` and two text search configurations, `search.english_folded`
 *   (stems, as before: `document`) and `search.simple_folded` (whole words: `words`), so an
 *   exact word can rank above a word that only shares its stem ("hospital", "hospitality");
 * - typo-tolerant names: `customer_key` (CORE's normalised customer name) and `title_key`
 *   (the folded title) with trigram indexes for pg_trgm's word similarity.
 */
export class AddSearchNamesAndStageCategories1795353000000 implements MigrationInterface {
  name = 'AddSearchNamesAndStageCategories1795353000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE core.ace_opportunities ADD COLUMN stage_category text
                     GENERATED ALWAYS AS (${ACE_STAGE_CATEGORY}) STORED`);
    await q.query(`ALTER TABLE core.odoo_opportunities ADD COLUMN stage_category text
                     GENERATED ALWAYS AS (${ODOO_STAGE_CATEGORY}) STORED`);

    await q.query('CREATE EXTENSION IF NOT EXISTS unaccent');
    // unaccent() is only STABLE (it looks its dictionary up by name); naming the dictionary
    // makes the result depend on its argument alone, so a generated column may use it.
    await q.query(`
      CREATE FUNCTION search.fold(value text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, value)) $$`);
    for (const [name, base, dictionary] of [
      ['english_folded', 'english', 'english_stem'],
      ['simple_folded', 'simple', 'simple'],
    ]) {
      await q.query(`CREATE TEXT SEARCH CONFIGURATION search.${name} (COPY = pg_catalog.${base})`);
      await q.query(`ALTER TEXT SEARCH CONFIGURATION search.${name}
                       ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, ${dictionary}`);
    }

    await q.query('DROP INDEX search.opportunity_documents_fts');
    await q.query('ALTER TABLE search.opportunity_documents DROP COLUMN document');
    await q.query(`
      ALTER TABLE search.opportunity_documents
        ADD COLUMN stage_category text,
        ADD COLUMN industry text,
        ADD COLUMN customer_key text,
        ADD COLUMN title_key text GENERATED ALWAYS AS (search.fold(title)) STORED,
        ADD COLUMN document tsvector GENERATED ALWAYS AS
          (to_tsvector('search.english_folded', ${CONTENT_TEXT})) STORED,
        ADD COLUMN words tsvector GENERATED ALWAYS AS
          (to_tsvector('search.simple_folded', ${CONTENT_TEXT})) STORED`);
    await q.query(`
      UPDATE search.opportunity_documents d
         SET stage_category = o.stage_category, customer_key = o.customer_name_normalized
        FROM core.odoo_opportunities o
       WHERE d.source = 'odoo' AND d.source_id = o.odoo_id::text`);
    await q.query(`
      UPDATE search.opportunity_documents d
         SET stage_category = a.stage_category, customer_key = a.customer_name_normalized,
             industry = a.industry
        FROM core.ace_opportunities a
       WHERE d.source = 'ace' AND d.source_id = a.ace_id`);
    await q.query(
      'CREATE INDEX opportunity_documents_fts ON search.opportunity_documents USING gin (document)',
    );
    for (const column of ['customer_key', 'title_key']) {
      await q.query(`CREATE INDEX opportunity_documents_${column}_trgm
                       ON search.opportunity_documents USING gin (${column} gin_trgm_ops)`);
    }
    await q.query(`CREATE INDEX opportunity_documents_stage_category
                     ON search.opportunity_documents (stage_category)`);
    // Search picks rare words by the new columns' statistics.
    await q.query('ANALYZE search.opportunity_documents');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX search.opportunity_documents_fts');
    await q.query(`
      ALTER TABLE search.opportunity_documents
        DROP COLUMN document, DROP COLUMN words, DROP COLUMN title_key,
        DROP COLUMN customer_key, DROP COLUMN industry, DROP COLUMN stage_category`);
    await q.query(`ALTER TABLE search.opportunity_documents ADD COLUMN document tsvector
                     GENERATED ALWAYS AS (to_tsvector('english', ${CONTENT_TEXT})) STORED`);
    await q.query(
      'CREATE INDEX opportunity_documents_fts ON search.opportunity_documents USING gin (document)',
    );
    await q.query('DROP TEXT SEARCH CONFIGURATION search.simple_folded');
    await q.query('DROP TEXT SEARCH CONFIGURATION search.english_folded');
    await q.query('DROP FUNCTION search.fold(text)');
    // unaccent may serve others in a shared database: leave it.
    await q.query('ALTER TABLE core.odoo_opportunities DROP COLUMN stage_category');
    await q.query('ALTER TABLE core.ace_opportunities DROP COLUMN stage_category');
  }
}
