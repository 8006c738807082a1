import { interpretQuery } from '@revops/api/search/interpretation';

// A Thursday in the second quarter.
const today = new Date('2026-05-14T12:00:00Z');
const read = (q: string, on: Date = today) => interpretQuery(q, on);

describe('interpretQuery: amounts', () => {
  it.each([
    ['over 100k', { amountMin: 100_000 }],
    ['more than $2m', { amountMin: 2_000_000 }],
    ['above 50,000', { amountMin: 50_000 }],
    ['under 1M', { amountMax: 1_000_000 }],
    ['less than 500k', { amountMax: 500_000 }],
    ['between 50k and 200k', { amountMin: 50_000, amountMax: 200_000 }],
    ['between 200k and 50k', { amountMin: 50_000, amountMax: 200_000 }],
    ['between 1 and 2 million', { amountMin: 1_000_000, amountMax: 2_000_000 }],
    ['from 50k to 200k', { amountMin: 50_000, amountMax: 200_000 }],
    ['at least 1 million', { amountMin: 1_000_000 }],
    ['> 100000', { amountMin: 100_000 }],
    ['>= 50k <= 200k', { amountMin: 50_000, amountMax: 200_000 }],
    ['over 100k and under 1M', { amountMin: 100_000, amountMax: 1_000_000 }],
    ['over 1.5m', { amountMin: 1_500_000 }],
    ['more than 1,5M', { amountMin: 1_500_000 }],
    ['above 50.000,00', { amountMin: 50_000 }],
    ['over 2 billion', { amountMin: 2_000_000_000 }],
    ['over 100,000 EUR', { amountMin: 100_000 }],
    ['more than 2 million dollars', { amountMin: 2_000_000 }],
    ['over R$ 500 mil', { amountMin: 500_000 }],
    ['mais de 500 mil', { amountMin: 500_000 }],
    ['entre 50 mil e 200 mil', { amountMin: 50_000, amountMax: 200_000 }],
    ['más de 1 millón', { amountMin: 1_000_000 }],
    ['over 5000', { amountMin: 5_000 }],
    ['over €750', { amountMin: 750 }],
  ])('reads "%s"', (q, bounds) => {
    expect(read(q)).toEqual({ text: '', ...bounds });
  });

  it('takes the amount out of the text and leaves the rest', () => {
    expect(read('SAP migration over 100k for a bank')).toEqual({
      text: 'SAP migration for a bank',
      amountMin: 100_000,
      industry: 'Financial Services',
    });
  });

  it.each([
    'Windows 11 upgrade',
    '2024 migration',
    'over 500 users',
    'over 5000 employees',
    'over 100k users',
    'between 10k and 50k requests per second',
    'more than 3 years of data',
    'under 2025 budget rules',
    'between 2020 and 2024',
    'from 2019 to 2023 archives',
    'over 100ms latency',
    '100k records per day',
    'S3 bucket with 50TB',
  ])('reads no amount in numbers that are not one: %s', (q) => {
    expect(read(q)).toEqual({ text: q });
  });

  it('takes no bound when the query gives two different ones of a kind', () => {
    expect(read('over 100k over 200k')).toEqual({ text: 'over 100k over 200k' });
  });
});

describe('interpretQuery: close dates', () => {
  it.each([
    ['closing this month', '2026-05-01', '2026-05-31'],
    ['closing next month', '2026-06-01', '2026-06-30'],
    ['closed last month', '2026-04-01', '2026-04-30'],
    ['closing this quarter', '2026-04-01', '2026-06-30'],
    ['closing next quarter', '2026-07-01', '2026-09-30'],
    ['closed last quarter', '2026-01-01', '2026-03-31'],
    ['closing this year', '2026-01-01', '2026-12-31'],
    ['closing next year', '2027-01-01', '2027-12-31'],
    ['closing this week', '2026-05-11', '2026-05-17'],
    ['closing in Q3', '2026-07-01', '2026-09-30'],
    ['closing in Q1 2027', '2027-01-01', '2027-03-31'],
    ['close date Q4 2026', '2026-10-01', '2026-12-31'],
    ['closing H2', '2026-07-01', '2026-12-31'],
    ['closing in 2027', '2027-01-01', '2027-12-31'],
    ['closing in March', '2027-03-01', '2027-03-31'],
    ['closing in March 2026', '2026-03-01', '2026-03-31'],
    ['closing in May', '2026-05-01', '2026-05-31'],
    ['due on June 15, 2026', '2026-06-15', '2026-06-15'],
    ['closing in the next 30 days', '2026-05-14', '2026-06-13'],
    ['closing within 2 weeks', '2026-05-14', '2026-05-28'],
    ['closing between June and August', '2026-06-01', '2026-08-31'],
  ])('reads "%s" as %s to %s', (q, closeDateFrom, closeDateTo) => {
    expect(read(q)).toEqual({ text: '', closeDateFrom, closeDateTo });
  });

  it.each([
    ['closing before March 2027', '2027-02-28'],
    ['by end of year', '2026-12-31'],
    ['closing by the end of the quarter', '2026-06-30'],
    ['closing by year end', '2026-12-31'],
    ['close EOQ', '2026-06-30'],
    ['closing by March', '2027-03-31'],
    ['due by 2027', '2027-12-31'],
    ['closing end of June', '2026-06-30'],
  ])('reads a deadline as an upper bound: %s', (q, closeDateTo) => {
    expect(read(q)).toEqual({ text: '', closeDateTo });
  });

  it('reads "after" as a lower bound past the period named', () => {
    expect(read('closing after June')).toEqual({ text: '', closeDateFrom: '2026-07-01' });
  });

  it('takes the date out of the text and leaves the rest', () => {
    expect(read('won deals over 100k closing this quarter in Brazil')).toEqual({
      text: '',
      stageCategory: 'won',
      amountMin: 100_000,
      country: 'BR',
      closeDateFrom: '2026-04-01',
      closeDateTo: '2026-06-30',
    });
    expect(read('data lake for a retailer closing next month')).toEqual({
      text: 'data lake for a retailer',
      industry: 'Retail',
      closeDateFrom: '2026-06-01',
      closeDateTo: '2026-06-30',
    });
  });

  it('keeps "closed won" for the stage and reads the date after it', () => {
    expect(read('closed won last quarter')).toEqual({
      text: '',
      stageCategory: 'won',
      closeDateFrom: '2026-01-01',
      closeDateTo: '2026-03-31',
    });
  });

  it('intersects several date phrases', () => {
    expect(read('closing after June and closing before 2027')).toMatchObject({
      closeDateFrom: '2026-07-01',
      closeDateTo: '2026-12-31',
    });
  });

  it.each([
    '2024 migration',
    'migration in Q3',
    'closing the data centre',
    'due diligence for a bank',
    'migration by Accenture',
    'next quarter roadmap',
    'H2 close',
  ])('reads no date without a closing word before it: %s', (q) => {
    expect(read(q).closeDateFrom).toBeUndefined();
    expect(read(q).closeDateTo).toBeUndefined();
  });

  it('counts relative dates from today in UTC, whatever the hour', () => {
    const lastMinuteOfQ1 = new Date('2026-03-31T23:59:00Z');
    expect(read('closing this quarter', lastMinuteOfQ1)).toEqual({
      text: '',
      closeDateFrom: '2026-01-01',
      closeDateTo: '2026-03-31',
    });
    const firstMinuteOfQ2 = new Date('2026-04-01T00:01:00Z');
    expect(read('closing this month', firstMinuteOfQ2)).toEqual({
      text: '',
      closeDateFrom: '2026-04-01',
      closeDateTo: '2026-04-30',
    });
  });

  it('crosses the year for next quarter and next month in December', () => {
    const december = new Date('2026-12-20T10:00:00Z');
    expect(read('closing next quarter', december)).toMatchObject({
      closeDateFrom: '2027-01-01',
      closeDateTo: '2027-03-31',
    });
    expect(read('closing next month', december)).toMatchObject({
      closeDateFrom: '2027-01-01',
      closeDateTo: '2027-01-31',
    });
  });
});
