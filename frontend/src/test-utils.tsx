import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import { vi } from 'vitest';
import { SessionProvider } from './auth/session';

type Route = (request: Request) => Response | Promise<Response> | undefined;

/** Stands in for the API: each request goes to the first route that answers it; others 404 (but `/me`). */
export function fakeApi(...routes: Route[]) {
  const requests: Request[] = [];
  vi.stubGlobal('fetch', async (request: Request) => {
    requests.push(request.clone());
    for (const route of routes) {
      const answer = await route(request);
      if (answer) return answer;
    }
    // Who the kept key is, unless a test says otherwise: an analyst.
    if (new URL(request.url).pathname === '/api/v1/me') return json(200, { name: 'ana', role: 'analyst' }); // prettier-ignore
    return json(404, { statusCode: 404, error: 'Not Found', message: `No route ${request.url}` });
  });
  return requests;
}

export const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

export const on =
  (
    method: string,
    path: string | RegExp,
    answer: (request: Request) => Response | Promise<Response>,
  ): Route =>
  (request) => {
    const { pathname } = new URL(request.url);
    const hit = typeof path === 'string' ? pathname === path : path.test(pathname);
    return request.method === method && hit ? answer(request) : undefined;
  };

/** The element inside the app's providers, at a URL, signed in unless `key` is null. */
export function renderAt(element: ReactElement, url = '/', key: string | null = 'rvo_test') {
  if (key) sessionStorage.setItem('revops.apiKey', key);
  const queries = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={queries}>
      <MemoryRouter initialEntries={[url]}>
        <SessionProvider>{element}</SessionProvider>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}
