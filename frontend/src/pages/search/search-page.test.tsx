import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi, json, on, renderAt } from '../../test-utils';
import { SearchPage } from './search-page';

const answer = (interpreted: unknown) => ({
  query: 'hospital group in Brazil',
  interpreted,
  mode: 'hybrid',
  model: { id: 'use-lite-en', dimensions: 512 },
  fusion: { k: 60, semanticWeight: 0.2, keywordWeight: 1, trigramWeight: 1 },
  hits: [],
  nextCursor: null,
});

describe('the search page', () => {
  it('says what the query was understood as, and searches the words as typed on request', async () => {
    const requests = fakeApi(
      on('GET', '/api/v1/search/opportunities', (request) =>
        new URL(request.url).searchParams.get('interpret') === 'false'
          ? json(200, answer(null))
          : json(200, answer({ text: 'hospital group', country: 'BR', industry: 'Healthcare' })),
      ),
    );
    renderAt(<SearchPage />, '/?q=hospital+group+in+Brazil');
    expect(
      await screen.findByText(
        /Understood as country BR · industry Healthcare, matching “hospital group”/,
      ),
    ).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Search the words as typed' }));
    expect(await screen.findByText(/Matching the words as typed/)).toBeTruthy();
    const searches = requests.filter((r) => r.url.includes('/search/'));
    expect(new URL(searches.at(-1)!.url).searchParams.get('interpret')).toBe('false');

    await userEvent.click(screen.getByRole('button', { name: /Understand places, industries/ }));
    expect(await screen.findByText(/Understood as country BR/)).toBeTruthy();
  });
});
