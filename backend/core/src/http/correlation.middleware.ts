import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { withCorrelationId } from '../logging/correlation';

const HEADER = 'x-correlation-id';
const SAFE_ID = /^[A-Za-z0-9._:-]{1,100}$/;
const ASSIGNED = Symbol('correlationId');

type WithCorrelationId = Request & { [ASSIGNED]?: string };

/**
 * The request's correlation id: the caller's when it is safe to log, else a new one.
 * Decided once, by the first middleware that asks (the request observer, before the body
 * parser, so a body refused there keeps it too), and echoed on the response.
 */
export function assignCorrelationId(request: Request, response: Response): string {
  const holder = request as WithCorrelationId;
  if (holder[ASSIGNED] === undefined) {
    const offered = request.header(HEADER);
    holder[ASSIGNED] = offered && SAFE_ID.test(offered) ? offered : randomUUID();
    response.setHeader(HEADER, holder[ASSIGNED]);
  }
  return holder[ASSIGNED];
}

/** The id assignCorrelationId gave the request, if it has one yet. */
export function assignedCorrelationId(request: Request): string | undefined {
  return (request as WithCorrelationId)[ASSIGNED];
}

/**
 * Runs the rest of the request with its correlation id in the logging context. After the
 * body parser, whose asynchronous reads would lose a context entered before it.
 */
@Injectable()
export class CorrelationMiddleware implements NestMiddleware {
  use(request: Request, response: Response, next: NextFunction): void {
    withCorrelationId(assignCorrelationId(request, response), next);
  }
}
