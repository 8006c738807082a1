import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { fakeApi, json, on, renderAt } from '../../test-utils';
import MatchPage from './match-page';
import { rememberQueue } from './queue-order';

const contributions = [
  { comparison: 'prior', level: null, value: null, m: null, u: null, weight: -6.9078 },
  { comparison: 'name', level: 'exact', value: 'acme', m: 0.9, u: 0.001, weight: 6.8024 },
  { comparison: 'country', level: 'different', value: 'DE / FR', m: 0.05, u: 0.9, weight: -2.8904 },
];
const matchV = (version: number, status = 'proposed') => ({
  id: '7', odooId: '41', aceId: 'O123', status, probability: 0.0495, score: -2.9958,
  explanation: { modelVersion: null, contributions, foundBy: ['name'] }, modelVersion: null,
  version, runId: '3', decidedBy: null, decidedAt: null, note: null,
  createdAt: '2026-12-01T10:00:00Z', updatedAt: '2026-12-01T10:00:00Z',
}); // prettier-ignore
const records = {
  odoo: { odooId: '41', name: 'Data lake', customer: 'ACME', country: 'DE' },
  ace: { aceId: 'O123', title: 'Data lake', customer: 'Acme', country: 'FR' },
};

function renderMatch() {
  renderAt(
    <Routes>
      <Route path="/review/:id" element={<MatchPage />} />
    </Routes>,
    '/review/7',
  );
}

describe('the match page', () => {
  it('draws a waterfall whose weights add up to the score it shows', async () => {
    fakeApi(on('GET', '/api/v1/matches/7', () => json(200, { match: matchV(1), ...records })));
    renderMatch();
    const figure = await screen.findByRole('figure');
    const weights = [...figure.querySelectorAll('td[data-weight]')].map((cell) => Number(cell.getAttribute('data-weight'))); // prettier-ignore
    const shown = Number(within(figure).getByTestId('waterfall-score').textContent);
    expect(weights).toHaveLength(3);
    expect(weights.reduce((sum, w) => sum + w, 0)).toBeCloseTo(shown, 4);
  });

  it('highlights the fields that differ', async () => {
    fakeApi(on('GET', '/api/v1/matches/7', () => json(200, { match: matchV(1), ...records })));
    renderMatch();
    const country = (await screen.findByRole('rowheader', { name: /Country/ })).closest('tr')!;
    expect(country).toHaveClass('verdict-differs');
    expect(screen.getByRole('rowheader', { name: 'Customer' }).closest('tr')).toHaveClass('verdict-same'); // prettier-ignore
  });

  it('sends the version it read with the decision, and shows the new status', async () => {
    const requests = fakeApi(
      on('GET', '/api/v1/matches/7', () => json(200, { match: matchV(1), ...records })),
      on('POST', '/api/v1/matches/7/approve', () => json(200, { ...matchV(2, 'approved'), decidedBy: 'api:ana' })), // prettier-ignore
    );
    renderMatch();
    await userEvent.type(await screen.findByLabelText('Note (optional)'), 'same deal');
    await userEvent.click(screen.getByRole('button', { name: 'Approve (a)' }));
    expect(await screen.findByText('Approved.')).toBeInTheDocument();
    const sent = await requests.find((request) => request.method === 'POST')!.json();
    expect(sent).toEqual({ version: 1, note: 'same deal' });
    expect(screen.getByTestId('match-version')).toHaveTextContent('2');
  });

  it('says the match changed when the version is stale, and reloads it on request', async () => {
    let version = 1;
    fakeApi(
      on('GET', '/api/v1/matches/7', () => json(200, { match: matchV(version), ...records })),
      on('POST', '/api/v1/matches/7/reject', () => {
        version = 2;
        return json(409, { statusCode: 409, error: 'Conflict', message: 'Match 7 changed since you read it (version 2 now): reload it', details: { id: '7', version: 2, status: 'proposed' } }); // prettier-ignore
      }),
    );
    renderMatch();
    await screen.findByRole('figure');
    await userEvent.keyboard('r');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This match was changed since you opened it');
    expect(screen.getByRole('button', { name: 'Reject (r)' })).toBeDisabled();
    await userEvent.click(within(alert).getByRole('button', { name: 'Reload the match' }));
    expect(await screen.findByTestId('match-version')).toHaveTextContent('2');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('button', { name: 'Reject (r)' })).toBeEnabled();
  });

  it('offers to approve anyway when one side is linked elsewhere, naming the other match', async () => {
    const requests = fakeApi(
      on('GET', '/api/v1/matches/7', () => json(200, { match: matchV(1), ...records })),
      on(
        'POST',
        '/api/v1/matches/7/approve',
        async (request) =>
        (await request.clone().json()).allowMultiple
          ? json(200, matchV(2, 'approved'))
          : json(409, { statusCode: 409, error: 'Conflict', message: 'ACE O123 is already linked to match 9', details: { linkedMatchId: '9' } }), // prettier-ignore
      ),
    );
    renderMatch();
    await userEvent.click(await screen.findByRole('button', { name: 'Approve (a)' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('already linked to match 9');
    expect(within(alert).getByRole('link', { name: 'See the other match' })).toHaveAttribute('href', '/review/9'); // prettier-ignore
    expect(within(alert).queryByRole('button', { name: 'Reload the match' })).toBeNull();
    await userEvent.click(within(alert).getByRole('button', { name: 'Approve anyway' }));
    expect(await screen.findByText('Approved.')).toBeInTheDocument();
    const bodies = await Promise.all(
      requests.filter((r) => r.method === 'POST').map((r) => r.json()),
    );
    expect(bodies).toEqual([{ version: 1 }, { version: 1, allowMultiple: true }]);
  });

  it('starts afresh on the next match: no note, decision or conflict carried over', async () => {
    fakeApi(
      on('GET', /^\/api\/v1\/matches\/(7|8)$/, (request) =>
        json(200, { match: { ...matchV(1), id: request.url.split('/').pop()! }, ...records }),
      ),
      on('POST', '/api/v1/matches/7/approve', () => json(200, matchV(2, 'approved'))),
    );
    rememberQueue(['7', '8'], '');
    renderMatch();
    await userEvent.type(await screen.findByLabelText('Note (optional)'), 'same deal');
    await userEvent.click(screen.getByRole('button', { name: 'Approve (a)' }));
    await screen.findByText(/Approved\./);
    await userEvent.click(screen.getByRole('button', { name: 'Next (j)' }));
    expect(await screen.findByRole('heading', { name: /Match 8/ })).toBeInTheDocument();
    expect(screen.getByLabelText('Note (optional)')).toHaveValue('');
    expect(screen.queryByText(/Approved\.|Rejected\./)).toBeNull();
    expect(screen.getByRole('button', { name: 'Approve (a)' })).toBeEnabled();
  });
});
