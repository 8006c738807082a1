import { describe, expect, it } from 'vitest';
import { paramsOf, searchQueryOf } from './search-params';

describe('searchQueryOf', () => {
  it('asks nothing until there is a query', () => {
    expect(searchQueryOf(new URLSearchParams(''))).toBeNull();
    expect(searchQueryOf(new URLSearchParams('q=%20%20&mode=keyword'))).toBeNull();
  });

  it('reads the filters from the URL, lists split on commas, countries upper-cased', () => {
    const query = searchQueryOf(
      new URLSearchParams('q=data+lake&mode=keyword&source=ace&stage=Qualified,+Launched&country=de,fr&hasMatch=false&closeDateFrom=2026-01-01'), // prettier-ignore
    );
    expect(query).toEqual({
      q: 'data lake',
      limit: 20,
      mode: 'keyword',
      source: 'ace',
      stage: ['Qualified', 'Launched'],
      country: ['DE', 'FR'],
      hasMatch: false,
      closeDateFrom: '2026-01-01',
    });
  });

  it('matches the words as typed when interpret=false, and understands them otherwise', () => {
    expect(searchQueryOf(new URLSearchParams('q=banks+in+Brazil&interpret=false'))).toEqual({ q: 'banks in Brazil', limit: 20, interpret: false }); // prettier-ignore
    expect(searchQueryOf(new URLSearchParams('q=banks+in+Brazil&interpret=yes'))).toEqual({ q: 'banks in Brazil', limit: 20 }); // prettier-ignore
  });

  it('drops values the API could not mean (an unknown mode or source)', () => {
    expect(searchQueryOf(new URLSearchParams('q=x&mode=fuzzy&source=sap'))).toEqual({ q: 'x', limit: 20 }); // prettier-ignore
  });
});

describe('paramsOf', () => {
  it('keeps filled-in fields only', () => {
    const form = new FormData();
    form.set('q', ' crm ');
    form.set('mode', 'hybrid');
    form.set('stage', '');
    expect(paramsOf(form).toString()).toBe('q=crm&mode=hybrid');
  });
});
