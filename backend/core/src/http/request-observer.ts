import { Logger } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { AuthenticatedRequest } from '../auth/auth.decorators';
import { HttpMetrics } from '../metrics/http-metrics';
import { assignCorrelationId } from './correlation.middleware';
import { OPERATIONAL_ROUTES } from './operational-routes';

/** The route label of a request no route matched (404s, bodies refused before routing). */
export const UNMATCHED_ROUTE = 'unmatched';

/** Probes and scrapes answer every few seconds: their lines are debug, not info. */
const QUIET_ROUTES = new Set(OPERATIONAL_ROUTES.map((route) => `/${route}`));

/** The route pattern (`/api/v1/matches/:id`), never the path with its ids. */
export function routeOf(request: Request): string {
  const path = (request.route as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' ? `${request.baseUrl}${path}` : UNMATCHED_ROUTE;
}

/**
 * Express middleware, first in the chain so it also sees requests refused before
 * routing: gives it its correlation id (so a body the parser refuses keeps the caller's
 * id in the header, the error body and the log line), and once it is answered (or
 * abandoned) counts it in the HTTP metrics and writes its one access-log line: method,
 * route pattern, status, duration, the API key id (never the key) and the correlation id.
 */
export function requestObserver(metrics: HttpMetrics): RequestHandler {
  const logger = new Logger('HttpAccess');
  return (request: Request, response: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    const correlationId = assignCorrelationId(request, response);
    let observed = false;
    const observe = (): void => {
      if (observed) return;
      observed = true;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeOf(request);
      const status = response.statusCode;
      metrics.observe({ method: request.method, route, status: String(status) }, seconds);
      const line = {
        msg: `${request.method} ${route} ${status}`,
        method: request.method,
        route,
        status,
        durationMs: Math.round(seconds * 1000 * 10) / 10,
        keyId: (request as AuthenticatedRequest).principal?.keyId,
        correlationId,
        ...(response.writableFinished ? {} : { aborted: true }),
      };
      if (QUIET_ROUTES.has(route)) logger.debug(line);
      else logger.log(line);
    };
    response.once('finish', observe);
    response.once('close', observe);
    next();
  };
}
