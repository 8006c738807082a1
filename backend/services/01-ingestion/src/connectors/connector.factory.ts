import { Injectable } from '@nestjs/common';
import { DomainException } from '@revops/core';
import { IngestionConfig } from '../ingestion.config';
import { PostgresSourceConnector } from './postgres-source.connector';
import { SourceConnector } from './source-connector';

/** The connector each source is configured to use (ODOO_CONNECTOR, APN_CONNECTOR). */
@Injectable()
export class ConnectorFactory {
  constructor(private readonly config: IngestionConfig) {}

  create(source: 'odoo' | 'apn'): SourceConnector {
    const c = this.config;
    const [url, schema, variable] =
      source === 'odoo'
        ? [c.ODOO_DB_URL, c.ODOO_DB_SCHEMA, 'ODOO_DB_URL']
        : [c.APN_DB_URL, c.APN_DB_SCHEMA, 'APN_DB_URL'];
    if (!url) {
      throw new DomainException(
        'invalid_input',
        `${variable} is not set: the ${source} connector "db" reads that database`,
      );
    }
    return new PostgresSourceConnector(source, url, schema);
  }
}
