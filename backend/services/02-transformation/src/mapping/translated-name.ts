/**
 * Odoo 16+ stores translatable names as jsonb `{"en_US": "Won", "fr_FR": "Gagné"}`;
 * Odoo 15 as plain text. Prefer the requested language, then English, then any.
 */
export function translatedName(value: unknown, language = 'en_US'): string | null {
  if (typeof value === 'string') return value || null;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const names = value as Record<string, unknown>;
  const pick = names[language] ?? names.en_US ?? Object.values(names)[0];
  return typeof pick === 'string' && pick ? pick : null;
}
