const regions = new Intl.DisplayNames(['en'], { type: 'region' });

/**
 * The English name of an ISO 3166 country code, so both sources read the same in embedded
 * text ("Brazil", never "BR" on one side and "Brasil" on the other). Unknown codes pass through.
 */
export function countryName(code: string | null | undefined): string | null {
  if (!code) return null;
  try {
    return regions.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}
