import { INestApplication, Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import { loadConfig } from '@revops/core';
import { IsNotEmpty, IsString } from 'class-validator';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import { serveOpenApi } from '../openapi/openapi';

/** Paths the API answers; everything else under `/` is the web app's. */
const API_PATHS = /^\/(api|health|metrics)(\/|$)/;

/**
 * The web app's pages may load only this origin's scripts and call only this origin's API;
 * charts set inline styles.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

export class WebAppConfig {
  /** Where `npm run build:web` writes the app (it reads WEB_APP_DIR too), relative to the working directory. */
  @IsString()
  @IsNotEmpty({ message: 'must name a directory' })
  WEB_APP_DIR: string = 'frontend/dist';
}

export const webAppDir = (): string => resolve(loadConfig(WebAppConfig).WEB_APP_DIR);

/** What every page (an HTML file) is sent with, however it is asked for. */
function setPageHeaders(response: ServerResponse): void {
  response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Cache-Control', 'no-cache');
}

/**
 * Serves the analysts' web app (the static files `npm run build:web` writes) at `/`: its
 * hashed assets cached for a year, and `index.html` for any other page path, so a reload
 * of `/review/42` opens that page. A page is sent with its content policy also when asked for
 * by its file name (`/index.html`). Without a build, `/` says how to make one.
 */
export function serveWebApp(app: INestApplication, dir = webAppDir()): void {
  const logger = new Logger('WebApp');
  const index = join(dir, 'index.html');
  const express = app as NestExpressApplication;
  if (!existsSync(index)) {
    logger.warn({ msg: `No web app in ${dir}: run npm run build:web; the API is unaffected` });
    express.use((request: Request, response: Response, next: NextFunction) => {
      if (!isPageRequest(request)) return next();
      response
        .status(503)
        .type('text/plain')
        .send('The web app is not built: run `npm run build:web`, then reload. The API is at /api/v1.\n'); // prettier-ignore
    });
    return;
  }
  // The app's files compressed for browsers that accept it (its JavaScript to about a third);
  // the API's answers are left as they are.
  const compress = compression();
  express.use((request: Request, response: Response, next: NextFunction) =>
    API_PATHS.test(request.path) ? next() : compress(request, response, next),
  );
  express.useStaticAssets(dir, {
    index: false,
    setHeaders: (response, path) => {
      if (path.endsWith('.html')) return setPageHeaders(response);
      response.setHeader('X-Content-Type-Options', 'nosniff');
      response.setHeader(
        'Cache-Control',
        path.includes(`${join(dir, 'assets')}`)
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
      );
    },
  });
  express.use((request: Request, response: Response, next: NextFunction) => {
    if (!isPageRequest(request)) return next();
    setPageHeaders(response);
    response.sendFile(index);
  });
  logger.log({ msg: `Serving the web app from ${dir} at /` });
}

/** A browser asking for a page: GET or HEAD, outside the API's paths, wanting HTML. */
function isPageRequest(request: Request): boolean {
  return (
    (request.method === 'GET' || request.method === 'HEAD') &&
    !API_PATHS.test(request.path) &&
    request.accepts(['html', 'json']) === 'html'
  );
}

/** What 06-api and the all-in-one process serve besides the API: its reference and the web app. */
export async function serveDocsAndWebApp(app: INestApplication): Promise<void> {
  await serveOpenApi(app);
  serveWebApp(app);
}
