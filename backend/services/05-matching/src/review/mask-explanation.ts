import { maskEmail, maskName, maskPhone } from '@revops/core';
import type { MatchExplanationDto } from '../dto/match.dto';
import type { ComparisonName } from '../comparison/comparisons';

/** The comparisons that read a customer's contact details, each with its mask. */
const CONTACT_MASKS = new Map<string, (value: string) => string>([
  ['email', (value) => maskEmail(value) ?? ''],
  ['phone', (value) => maskPhone(value) ?? ''],
  ['contact', (value) => maskName(value) ?? ''],
] satisfies [ComparisonName, (value: string) => string][]);

/** A disagreement is shown as `a ≠ b` (comparison/comparisons.ts): each side is masked. */
const DIFFERENT = ' ≠ ';

/**
 * An explanation as the analyst role sees it: the values of the contact comparisons (the
 * shared email, `a ≠ b` phones, the term-frequency value) masked as the records are; the
 * levels and weights, which are what a reviewer reads, as they are.
 */
export function maskExplanation(explanation: MatchExplanationDto): MatchExplanationDto {
  return {
    ...explanation,
    contributions: explanation.contributions.map((line) => {
      const mask = CONTACT_MASKS.get(line.comparison);
      if (!mask) return line;
      const masked = (value: string) => value.split(DIFFERENT).map(mask).join(DIFFERENT);
      return {
        ...line,
        value: typeof line.value === 'string' ? masked(line.value) : line.value,
        ...(line.tfValue === undefined ? {} : { tfValue: masked(line.tfValue) }),
      };
    }),
  };
}

/** A match (or a pair's comparison) for a caller: its explanation masked when `mask`. */
export function withMaskedExplanation<T extends { explanation: MatchExplanationDto }>(
  dto: T,
  mask: boolean,
): T {
  return mask ? { ...dto, explanation: maskExplanation(dto.explanation) } : dto;
}
