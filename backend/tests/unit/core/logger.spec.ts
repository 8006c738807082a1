import { Logger } from '@nestjs/common';
import { createLogger, withCorrelationId, WinstonNestLogger } from '@revops/core';
import { PassThrough } from 'node:stream';
import * as winston from 'winston';

function capture(): { logger: WinstonNestLogger; lines: () => Record<string, unknown>[] } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk) => (text += chunk));
  const winstonLogger = createLogger(
    'ingestion',
    'info',
    'json',
    new winston.transports.Stream({ stream }),
  );
  return {
    logger: new WinstonNestLogger(winstonLogger),
    lines: () =>
      text
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line)),
  };
}

describe('service logger', () => {
  it('writes one JSON object per line with service, class, fields and correlation id', () => {
    const { logger, lines } = capture();
    withCorrelationId('run-42', () =>
      logger.log({ msg: 'Sync finished', source: 'odoo', rows: 412 }, 'IngestionService'),
    );
    expect(lines()).toEqual([
      expect.objectContaining({
        level: 'info',
        message: 'Sync finished',
        service: 'ingestion',
        context: 'IngestionService',
        correlationId: 'run-42',
        source: 'odoo',
        rows: 412,
        timestamp: expect.any(String),
      }),
    ]);
  });

  it('redacts secrets whatever the call site passed', () => {
    const { logger, lines } = capture();
    logger.error(
      {
        msg: 'Connect to postgres://revops:hunter2@db:5432/revops failed',
        password: 'hunter2',
        headers: { authorization: 'Bearer rvo_abcdefgh_secretsecretsecret' },
      },
      'DatabaseModule',
    );
    const written = JSON.stringify(lines());
    expect(written).not.toContain('hunter2');
    expect(written).not.toContain('secretsecret');
    expect(lines()[0]).toMatchObject({ password: '[REDACTED]', level: 'error' });
  });

  it('serves Nest loggers named after their class', () => {
    const { logger, lines } = capture();
    Logger.overrideLogger(logger);
    new Logger('SearchService').warn('Slow query');
    Logger.overrideLogger(false);
    expect(lines()[0]).toMatchObject({ context: 'SearchService', message: 'Slow query' });
  });
});
