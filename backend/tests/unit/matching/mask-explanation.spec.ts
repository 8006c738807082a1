import type { ContributionDto, MatchExplanationDto } from '@revops/matching';
import { maskExplanation, withMaskedExplanation } from '@revops/matching/review/mask-explanation';

const line = (
  comparison: string,
  value: string | number | null,
  extra: Partial<ContributionDto> = {},
): ContributionDto => ({
  comparison,
  level: 'equal',
  value,
  m: 0.9,
  u: 0.01,
  weight: 4.5,
  ...extra,
});

const explanation = (...contributions: ContributionDto[]): MatchExplanationDto => ({
  modelVersion: 3,
  contributions,
  foundBy: ['domain'],
});

describe('maskExplanation', () => {
  it('masks the values of the email, phone and contact comparisons, each side of a ≠', () => {
    const masked = maskExplanation(
      explanation(
        line('email', 'ana@saolucas.example', { tfValue: 'ana@saolucas.example', uLevel: 0.02 }),
        line('phone', '+5511555501 ≠ +5511555502', { level: 'different' }),
        line('email', 'ana@x.com ≠ bruno@y.org', { level: 'different' }),
        line('contact', 'Ana Souza'),
      ),
    );
    expect(masked.contributions).toEqual([
      line('email', 'a***@saolucas.example', { tfValue: 'a***@saolucas.example', uLevel: 0.02 }),
      line('phone', '+********01 ≠ +********02', { level: 'different' }),
      line('email', 'a***@x.com ≠ b***@y.org', { level: 'different' }),
      line('contact', 'A*** S***'),
    ]);
    expect(masked).toMatchObject({ modelVersion: 3, foundBy: ['domain'] });
  });

  it('leaves every other comparison, a missing value and the weights as they are', () => {
    const lines = [
      line('prior', null, { level: null, m: null, u: null, weight: -9 }),
      line('name', 0.97),
      line('domain', 'saolucas.example', { tfValue: 'saolucas.example' }),
      line('stage', 'open / Launched'),
      line('email', null, { level: 'missing', m: null, u: null, weight: 0 }),
      line('constructor', 'a@b.com'),
    ];
    expect(maskExplanation(explanation(...lines)).contributions).toEqual(lines);
  });

  it('does not change its input', () => {
    const input = explanation(line('email', 'ana@x.com'));
    const copy = structuredClone(input);
    maskExplanation(input);
    expect(input).toEqual(copy);
  });
});

describe('withMaskedExplanation', () => {
  it('masks only when asked', () => {
    const dto = { id: '1', explanation: explanation(line('phone', '+5511555501')) };
    expect(withMaskedExplanation(dto, false)).toBe(dto);
    expect(withMaskedExplanation(dto, true)).toEqual({
      id: '1',
      explanation: explanation(line('phone', '+********01')),
    });
  });
});
