import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../app';
import { fakeApi, json, on, renderAt } from '../test-utils';

const me = on('GET', '/api/v1/me', (request) =>
  request.headers.get('Authorization') === 'Bearer rvo_good'
    ? json(200, { name: 'ana', role: 'analyst' })
    : json(401, { statusCode: 401, error: 'Unauthorized', message: 'Unknown or revoked API key' }),
);

describe('signing in', () => {
  it('says so when the key is refused, and keeps nothing', async () => {
    fakeApi(me);
    renderAt(<App />, '/', null);
    await userEvent.type(screen.getByLabelText('API key'), 'rvo_bad');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('That key was not accepted');
    expect(sessionStorage.getItem('revops.apiKey')).toBeNull();
  });

  it('keeps the key for the tab only, sends it as a header, and shows the role', async () => {
    const requests = fakeApi(
      me,
      on('GET', '/api/v1/search/opportunities', () => json(200, {})),
    );
    renderAt(<App />, '/', null);
    await userEvent.type(screen.getByLabelText('API key'), 'rvo_good');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('navigation', { name: 'Pages' })).toBeInTheDocument();
    expect(screen.getByText('analyst')).toBeInTheDocument();
    expect(sessionStorage.getItem('revops.apiKey')).toBe('rvo_good');
    expect(localStorage.length).toBe(0);
    expect(requests.every((request) => !request.url.includes('rvo_good'))).toBe(true);
  });

  it('ends the session when the API stops accepting the key', async () => {
    let accepted = true;
    fakeApi(
      on('GET', '/api/v1/me', () => (accepted ? json(200, { name: 'ana', role: 'analyst' }) : json(401, {}))), // prettier-ignore
      on('GET', '/api/v1/search/opportunities', () =>
        json(401, {
          statusCode: 401,
          error: 'Unauthorized',
          message: 'Unknown or revoked API key',
        }),
      ),
    );
    renderAt(<App />, '/search', 'rvo_good');
    await screen.findByRole('search');
    accepted = false;
    await userEvent.type(screen.getByLabelText('Describe the deal'), 'crm{Enter}');
    expect(await screen.findByText(/Your key was refused/)).toBeInTheDocument();
    expect(sessionStorage.getItem('revops.apiKey')).toBeNull();
  });

  it('keeps the key when the API is down at a reload, and restores the session on retry', async () => {
    let up = false;
    fakeApi(
      on(
        'GET',
        '/api/v1/me',
        () =>
        up ? json(200, { name: 'ana', role: 'analyst' }) : json(503, { statusCode: 503, error: 'Service Unavailable', message: 'Starting' }), // prettier-ignore
      ),
    );
    renderAt(<App />, '/search', 'rvo_good');
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not reach the API to restore your session'); // prettier-ignore
    expect(sessionStorage.getItem('revops.apiKey')).toBe('rvo_good');
    up = true;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('navigation', { name: 'Pages' })).toBeInTheDocument();
  });
});
