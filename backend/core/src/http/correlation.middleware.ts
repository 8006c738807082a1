import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { currentCorrelationId, withCorrelationId } from '../logging/correlation';

const HEADER = 'x-correlation-id';
const SAFE_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** Takes the caller's correlation id (or makes one) and echoes it on the response. */
@Injectable()
export class CorrelationMiddleware implements NestMiddleware {
  use(request: Request, response: Response, next: NextFunction): void {
    const offered = request.header(HEADER);
    withCorrelationId(offered && SAFE_ID.test(offered) ? offered : undefined, () => {
      response.setHeader(HEADER, currentCorrelationId() ?? '');
      next();
    });
  }
}
