/**
 * Legal-form words and abbreviations that say nothing about which company it is, as they
 * appear at the end of a name once dots are gone (`S.A.` → `sa`, `Co., Ltd.` → `co ltd`).
 */
const LEGAL_FORMS = new Set([
  // English-speaking
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'co',
  'company',
  'llc',
  'llp',
  'lp',
  'ltd',
  'limited',
  'plc',
  'pty',
  'pvt',
  'private', // Private Limited (India)
  'pte',
  // German, Dutch, Nordic
  'gmbh',
  'ag',
  'kg',
  'ug',
  'mbh',
  'nv',
  'bv',
  'vof',
  'oy',
  'oyj',
  'ab',
  'as',
  'asa',
  'aps',
  // Romance languages, Latin America
  'sa',
  'sab',
  'sas',
  'sarl',
  'sl',
  'slu',
  'srl',
  'spa',
  'sapi',
  'cv',
  'de',
  'ltda',
  'eireli',
  'me',
  'epp',
  'lda',
  'sc',
  'sac',
  'saa',
  // Elsewhere
  'kk',
  'bhd',
  'sdn',
  'tbk',
  'pt',
]);

/**
 * A company name reduced to what identifies it, for comparing names across sources:
 * lower case, no diacritics, punctuation as spaces, `&` as `and`, and legal forms at the
 * end removed (`Banque Provence S.A.` → `banque provence`, `Redwood Resorts, Inc.` →
 * `redwood resorts`, `Tianjin Co., Ltd.` → `tianjin`). A name that is nothing but legal
 * forms keeps its words rather than becoming empty. Null for an empty name.
 */
export function normalizeCompanyName(name: string | null | undefined): string | null {
  const plain = name
    ?.normalize('NFKD')
    .replace(/\p{M}+/gu, '') // the accents NFKD split off
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\b(\p{L})\.(?=\p{L}\b\.?)/gu, '$1') // s.a. → sa., n.v. → nv.
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  if (!plain) return null;
  const words = plain.split(' ');
  let end = words.length;
  // `GmbH & Co. KG`: an `and` left dangling by a removed legal form goes with it.
  const removable = (word: string) =>
    LEGAL_FORMS.has(word) || (word === 'and' && end < words.length);
  while (end > 1 && removable(words[end - 1])) end--;
  return words.slice(0, end).join(' ');
}
