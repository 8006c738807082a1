import * as winston from 'winston';
import { LogLevel } from '../config/core.config';
import { currentCorrelationId } from './correlation';
import { redact, redactText } from './redact';

const SPLAT = Symbol.for('splat');

/** Masks secrets in every field of every line, so no call site has to remember to. */
const redactFormat = winston.format((info) => {
  const masked = redact({ ...info }) as Record<string, unknown>;
  for (const key of Object.keys(masked)) info[key] = masked[key];
  if (typeof info.message === 'string') info.message = redactText(info.message);
  delete (info as Record<symbol, unknown>)[SPLAT];
  return info;
});

const correlationFormat = winston.format((info) => {
  const correlationId = currentCorrelationId();
  if (correlationId && !info.correlationId) info.correlationId = correlationId;
  return info;
});

/** `transport` defaults to stderr; tests pass a stream to read what was written. */
export function createLogger(
  service: string,
  level: LogLevel = 'info',
  format: 'json' | 'pretty' = 'json',
  transport: winston.transport = stderrTransport(),
): winston.Logger {
  const output =
    format === 'json'
      ? winston.format.json()
      : winston.format.printf((info) => {
          const { level: lvl, message, timestamp, context, service: svc, ...rest } = info;
          const extra = Object.keys(rest).length ? ` ${JSON.stringify(rest)}` : '';
          return `${timestamp} ${lvl} [${svc}${context ? `:${context}` : ''}] ${message}${extra}`;
        });
  return winston.createLogger({
    level,
    defaultMeta: { service },
    format: winston.format.combine(
      winston.format.timestamp(),
      correlationFormat(),
      redactFormat(),
      output,
    ),
    transports: [transport],
  });
}

/** Logs go to stderr so scripts can keep stdout for their results. */
function stderrTransport(): winston.transport {
  return new winston.transports.Console({ stderrLevels: Object.keys(winston.config.npm.levels) });
}
