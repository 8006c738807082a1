import { Injectable } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DomainException } from '@revops/core';
import { ApnRows, apnRowsFromOpportunities } from './apn-rows';

/**
 * Reads the committed demo sample (data/samples): Odoo tables in database-row shape and
 * ACE opportunities as GetOpportunity responses. The real connectors (databases, APIs,
 * export files) arrive with the ingestion issue behind the same row shapes.
 */
@Injectable()
export class SampleFilesReader {
  async readOdooTable(dir: string, table: string): Promise<Record<string, unknown>[]> {
    // raw.odoo_crm_lead ← data/samples/odoo/crm_lead.json
    return this.readArray(join(dir, 'odoo', `${table.replace(/^odoo_/, '')}.json`));
  }

  /** GetOpportunity responses → rows of the six APN tables, as the APN connectors make them. */
  async readAceOpportunities(dir: string): Promise<ApnRows> {
    return apnRowsFromOpportunities(await this.readArray(join(dir, 'ace', 'opportunities.json')));
  }

  private async readArray(path: string): Promise<Record<string, unknown>[]> {
    if (!existsSync(path)) {
      throw new DomainException('not_found', `Sample file not found: ${path}`);
    }
    const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
    if (!Array.isArray(parsed)) {
      throw new DomainException('invalid_input', `${path}: expected a JSON array of rows`);
    }
    return parsed as Record<string, unknown>[];
  }
}
