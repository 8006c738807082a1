import { Injectable } from '@nestjs/common';
import { DomainException } from '@revops/core';
import { IngestionConfig } from '../ingestion.config';
import { OdooExternalIdsRepository } from '../sync/odoo-external-ids.repository';
import { AceJsonFilesConnector } from './ace-json-files.connector';
import { OdooApiConnector } from './odoo-api.connector';
import { OdooCsvConnector } from './odoo-csv.connector';
import { PartnerCentralConnector } from './partner-central.connector';
import { PostgresSourceConnector } from './postgres-source.connector';
import { SourceConnector } from './source-connector';

/** The connector each source is configured to use (ODOO_CONNECTOR, APN_CONNECTOR). */
@Injectable()
export class ConnectorFactory {
  constructor(
    private readonly config: IngestionConfig,
    private readonly externalIds: OdooExternalIdsRepository,
  ) {}

  create(source: 'odoo' | 'apn'): SourceConnector {
    const c = this.config;
    const odoo = c.ODOO_CONNECTOR;
    if (source === 'odoo' && odoo === 'csv') {
      return new OdooCsvConnector(c.ODOO_CSV_DIR as string, this.externalIds);
    }
    if (source === 'odoo' && (odoo === 'jsonrpc' || odoo === 'json2')) {
      return new OdooApiConnector({
        url: c.ODOO_API_URL as string,
        database: c.ODOO_API_DATABASE as string,
        protocol: odoo,
        username: c.ODOO_API_USER,
        password: c.ODOO_API_PASSWORD,
        apiKey: c.ODOO_API_KEY,
      });
    }
    if (source === 'apn' && c.APN_CONNECTOR === 'files') {
      return new AceJsonFilesConnector(c.APN_FILES_DIR as string);
    }
    if (source === 'apn' && c.APN_CONNECTOR === 'api') {
      return new PartnerCentralConnector({
        catalog: c.PARTNER_CENTRAL_CATALOG,
        maxReadsPerSecond: c.PARTNER_CENTRAL_READS_PER_SECOND,
      });
    }
    const missing = c.missingForSource(source);
    if (missing) {
      throw new DomainException(
        'invalid_input',
        `${missing}: the ${source} connector "db" reads that database`,
      );
    }
    const [url, schema] =
      source === 'odoo' ? [c.ODOO_DB_URL, c.ODOO_DB_SCHEMA] : [c.APN_DB_URL, c.APN_DB_SCHEMA];
    return new PostgresSourceConnector(source, url as string, schema);
  }
}
