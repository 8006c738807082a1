/**
 * The deal's own comparisons in bands: close dates, amounts, text, stage. Bands, not a score,
 * so each band gets its own m and u and no single day or ratio is a cliff: the model learns
 * how much each band is worth from the data it matches.
 */

const DAY_MS = 86_400_000;

export const CLOSE_DATE_LEVELS = ['≤ 7 days', '≤ 30 days', '≤ 60 days', '≤ 120 days', '≤ 240 days', 'further'] as const; // prettier-ignore
export type CloseDateLevel = (typeof CLOSE_DATE_LEVELS)[number];

/** Days between two `YYYY-MM-DD` dates, and their band. */
export function closeDateBand(a: string, b: string): { level: CloseDateLevel; days: number } {
  const days = Math.round(Math.abs(Date.parse(a) - Date.parse(b)) / DAY_MS);
  const limits = [7, 30, 60, 120, 240];
  const at = limits.findIndex((limit) => days <= limit);
  return { level: CLOSE_DATE_LEVELS[at < 0 ? limits.length : at], days };
}

export const AMOUNT_LEVELS = ['agree', 'close', 'far', 'very far'] as const;
export type AmountLevel = (typeof AMOUNT_LEVELS)[number];

/** Months of ACE's monthly spend that an Odoo total may plausibly cover (about 1–3 years). */
const PLAUSIBLE_MONTHS: [number, number] = [10, 40];

/**
 * Odoo's expected revenue is a total; ACE gives a monthly spend and sometimes the contract's
 * months. The distance is how far, as a log ratio, the Odoo total is from the ACE total (when
 * ACE gives months) or from 10–40 months of the ACE spend, whichever is nearer: the two teams
 * may count different contract lengths. Bands: agree (within ~20%), close (×2), far (×4),
 * very far. The value shown is the months the Odoo total covers.
 */
export function amountBand(
  odooTotal: number,
  aceMonthly: number,
  aceMonths: number | null,
): { level: AmountLevel; months: number } {
  const months = odooTotal / aceMonthly;
  const [low, high] = PLAUSIBLE_MONTHS;
  let distance = months < low ? Math.log(low / months) : months > high ? Math.log(months / high) : 0; // prettier-ignore
  if (aceMonths) distance = Math.min(distance, Math.abs(Math.log(months / aceMonths)));
  const level = distance <= 0.2 ? 'agree' : distance <= 0.7 ? 'close' : distance <= 1.4 ? 'far' : 'very far'; // prettier-ignore
  return { level, months: Math.round(months * 10) / 10 };
}

export const TEXT_LEVELS = ['≥ 0.9', '≥ 0.8', '≥ 0.7', '≥ 0.6', '< 0.6'] as const;
export type TextLevel = (typeof TEXT_LEVELS)[number];

/** The cosine of the two opportunities' vectors (one embedding model), in bands. */
export function textBand(cosine: number): TextLevel {
  return cosine >= 0.9 ? '≥ 0.9' : cosine >= 0.8 ? '≥ 0.8' : cosine >= 0.7 ? '≥ 0.7' : cosine >= 0.6 ? '≥ 0.6' : '< 0.6'; // prettier-ignore
}

export const STAGE_LEVELS = ['consistent', 'inconsistent'] as const;
export type StageLevel = (typeof STAGE_LEVELS)[number];

const ACE_OPEN = new Set(['Prospect', 'Qualified', 'Technical Validation', 'Business Validation', 'Committed']); // prettier-ignore

/** Odoo won ↔ Launched (or Committed), lost ↔ Closed Lost, open ↔ an open ACE stage. */
export function stageBand(odoo: 'open' | 'won' | 'lost', aceStage: string): StageLevel {
  const consistent =
    odoo === 'won'
      ? aceStage === 'Launched' || aceStage === 'Committed'
      : odoo === 'lost'
        ? aceStage === 'Closed Lost'
        : ACE_OPEN.has(aceStage);
  return consistent ? 'consistent' : 'inconsistent';
}
