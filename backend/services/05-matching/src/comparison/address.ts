import jaroWinkler from 'talisman/metrics/jaro-winkler';

/** A postal address as the address comparator reads it. */
export interface Address {
  /** Upper case, no spaces or hyphens; a ZIP+4 as its five digits. */
  postcode: string | null;
  /** Lower case, no accents or punctuation. */
  city: string | null;
  /** The house number (`1226`, `12b`) and the street's words, unit and suite left out. */
  street: { number: string | null; words: string[] } | null;
}

/** Street types and directions spelled out, so `E MacDade Blvd` reads as `east macdade boulevard`. */
const STREET_WORDS: Record<string, string> = {
  st: 'street', str: 'strasse', ave: 'avenue', av: 'avenue', avda: 'avenida', rd: 'road',
  blvd: 'boulevard', dr: 'drive', ln: 'lane', hwy: 'highway', pkwy: 'parkway', ct: 'court',
  pl: 'place', sq: 'square', cir: 'circle', ter: 'terrace', trl: 'trail', rte: 'route',
  n: 'north', s: 'south', e: 'east', w: 'west', ne: 'northeast', nw: 'northwest',
  se: 'southeast', sw: 'southwest', r: 'rua', estr: 'estrada', strada: 'strada',
}; // prettier-ignore
/** Where the unit part begins: it and what follows say which door, not which building. */
const UNIT_WORDS = new Set(['ste', 'suite', 'unit', 'apt', 'fl', 'floor', 'room', 'rm', 'bldg', 'no']); // prettier-ignore

const plain = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();

export function normalisePostcode(raw: string | null | undefined): string | null {
  const code = raw?.toUpperCase().replace(/[\s-]+/g, '');
  if (!code || !/[0-9]/.test(code)) return null;
  const zip = /^(\d{5})\d{4}$/.exec(code);
  return zip ? zip[1] : code;
}

function street(raw: string | null | undefined): Address['street'] {
  if (!raw?.trim()) return null;
  const words: string[] = [];
  let number: string | null = null;
  for (const word of plain(raw).split(/[^\p{L}\p{N}]+/u)) {
    if (!word) continue;
    if (UNIT_WORDS.has(word)) break;
    if (number === null && /^\d+[a-z]?$/.test(word)) number = word;
    else if (!/^\d+$/.test(word)) words.push(STREET_WORDS[word] ?? word);
  }
  return number === null && words.length === 0 ? null : { number, words };
}

export function address(parts: {
  street?: string | null;
  postcode?: string | null;
  city?: string | null;
}): Address | null {
  const result: Address = {
    postcode: normalisePostcode(parts.postcode),
    city: parts.city?.trim()
      ? plain(parts.city)
          .replace(/[^\p{L}\p{N}]+/gu, ' ')
          .trim()
      : null,
    street: street(parts.street),
  };
  return result.postcode || result.city || result.street ? result : null;
}

/**
 * How close two addresses are, strongest first: the same building (house number and street,
 * or most of a free-text address line), the same postcode, the same city; `different` when
 * something comparable differs. One comparison rather than three, because a shared street
 * implies a shared postcode and city: counted separately they would count one fact thrice.
 */
export const ADDRESS_LEVELS = ['street', 'postcode', 'city', 'different'] as const;
export type AddressLevel = (typeof ADDRESS_LEVELS)[number];

const streetWords = (words: string[]) => new Set(words.filter((w) => w.length >= 3));

function sameStreet(a: NonNullable<Address['street']>, b: NonNullable<Address['street']>): boolean {
  const [wa, wb] = [streetWords(a.words), streetWords(b.words)];
  const shared = [...wa].filter((w) => wb.has(w) || [...wb].some((o) => jaroWinkler(w, o) >= 0.9));
  if (a.number !== null && b.number !== null) {
    return a.number === b.number && (shared.length > 0 || wa.size === 0 || wb.size === 0);
  }
  // Free-text lines without a house number (`lot f2 seethawaka industrial park`).
  const smaller = Math.min(wa.size, wb.size);
  return a.number === b.number && shared.length >= 2 && shared.length >= 0.6 * smaller;
}

export function compareAddresses(
  a: Address,
  b: Address,
): { level: AddressLevel | 'missing'; value: string | null } {
  const postcodes = a.postcode && b.postcode ? a.postcode === b.postcode : null;
  if (a.street && b.street && postcodes !== false && sameStreet(a.street, b.street)) {
    return { level: 'street', value: [a.street.number, ...a.street.words].filter(Boolean).join(' ') }; // prettier-ignore
  }
  if (postcodes) return { level: 'postcode', value: a.postcode };
  const cities = a.city && b.city ? a.city === b.city || jaroWinkler(a.city, b.city) >= 0.92 : null; // prettier-ignore
  if (cities && postcodes !== false) return { level: 'city', value: a.city };
  const comparable = postcodes !== null || cities !== null || (a.street && b.street);
  return { level: comparable ? 'different' : 'missing', value: null };
}
