import { Observable, throwError } from 'rxjs';
import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { assignedCorrelationId } from '../http/correlation.middleware';
import { currentCorrelationId } from '../logging/correlation';
import { isDataError } from '../ops/data-error';
import { DomainException, httpStatusFor, InvalidInputException } from './domain.exception';

/**
 * The one place errors become HTTP responses. Expected errors keep their message;
 * anything else is logged in full and answered with a generic 500 and the correlation
 * id, so a user can quote it and an engineer can find the log line.
 */
@Catch()
export class GlobalExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(GlobalExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void | Observable<never> {
    if (host.getType() !== 'http') {
      // An event handler: log, and fail the message so the broker delivers it again.
      this.logger.error(
        { msg: 'Event handler failed', correlationId: currentCorrelationId() },
        exception instanceof Error ? exception.stack : String(exception),
      );
      return throwError(() => exception);
    }
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    // The request's own id first: a body the parser refused never reached the logging context.
    const correlationId = assignedCorrelationId(request) ?? currentCorrelationId() ?? randomUUID();

    if (exception instanceof DomainException) {
      const status = httpStatusFor(exception.code);
      response.status(status).json({
        statusCode: status,
        error: exception.code,
        message: exception.message,
        ...(exception instanceof InvalidInputException ? { fields: exception.fields } : {}),
        ...(conflictDetails(exception) ?? {}),
        correlationId,
      });
      return;
    }

    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
      response.status(status).json({
        statusCode: status,
        error: HttpStatus[status]?.toLowerCase() ?? 'error',
        message: message ?? exception.message,
        correlationId,
      });
      return;
    }

    const refused = bodyParserError(exception);
    if (refused) {
      response.status(refused.status).json({
        statusCode: refused.status,
        error: HttpStatus[refused.status]?.toLowerCase() ?? 'error',
        message: refused.message,
        correlationId,
      });
      return;
    }

    if (isDataError(exception)) {
      // A request value the database could not use, which validation let through: the
      // caller's input, not a fault here; logged in full so the validation can be tightened.
      this.logger.warn(
        { msg: 'Database refused a request value', method: request.method, path: request.path, correlationId }, // prettier-ignore
        exception instanceof Error ? exception.stack : String(exception),
      );
      response.status(400).json({
        statusCode: 400,
        error: 'invalid_input',
        message: 'A value in the request cannot be used (out of range or malformed).',
        correlationId,
      });
      return;
    }

    this.logger.error(
      { msg: 'Unhandled error', method: request.method, path: request.path, correlationId },
      exception instanceof Error ? exception.stack : String(exception),
    );
    response.status(500).json({
      statusCode: 500,
      error: 'internal_error',
      message: `Internal server error. Quote correlation id ${correlationId} when reporting it.`,
      correlationId,
    });
  }
}

/**
 * A conflict's details, for the client to act on (a stale version: the current one, to
 * reload). Only conflicts send theirs: another error's message says all a client needs.
 */
function conflictDetails(exception: DomainException): { details: Record<string, unknown> } | null {
  const { code, details } = exception;
  return code === 'conflict' && Object.keys(details).length > 0 ? { details } : null;
}

/**
 * A request body the body parser refused (too large, a bad encoding or charset, not
 * JSON): http-errors with a 4xx status and a message it marks safe to show.
 */
function bodyParserError(exception: unknown): { status: number; message: string } | null {
  const error = exception as { status?: unknown; expose?: unknown; message?: unknown } | null;
  const status = Number(error?.status);
  if (!(status >= 400 && status < 500) || error?.expose !== true) return null;
  return { status, message: String(error.message) };
}
