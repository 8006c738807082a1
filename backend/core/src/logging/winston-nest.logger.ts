import { LoggerService } from '@nestjs/common';
import type { Logger as Winston } from 'winston';

/**
 * Routes Nest's `Logger` (one per class, named after it) into winston.
 * A message may be a string or an object of fields: `{ msg, rows, durationMs }`.
 */
export class WinstonNestLogger implements LoggerService {
  constructor(private readonly winston: Winston) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  private write(level: string, message: unknown, params: unknown[]): void {
    // Nest passes the context (class name) last; an error's stack may come before it.
    const context = typeof params.at(-1) === 'string' ? (params.pop() as string) : undefined;
    const stack = params.find((p) => typeof p === 'string' || p instanceof Error);
    const fields =
      message && typeof message === 'object' && !(message instanceof Error)
        ? (message as Record<string, unknown>)
        : { msg: message instanceof Error ? message.message : String(message) };
    const { msg, ...rest } = fields;
    this.winston.log({
      level,
      message: typeof msg === 'string' ? msg : JSON.stringify(msg ?? ''),
      context,
      ...rest,
      ...(stack ? { stack: stack instanceof Error ? stack.stack : stack } : {}),
    });
  }
}
