/**
 * An organisation's name as the name comparators read it. `tokens` are the identifying words
 * (lower case, no accents or punctuation, abbreviations spelled out, legal forms, articles
 * and connecting words dropped wherever they stand); `compact` is the tokens run together,
 * so `m e r c u r y` and `mercury` agree; `letters` is every letter and digit of the name as
 * typed, nothing dropped or spelled out (`m &v i ntl m anu fac tu r i ng` and
 * `m&v intl manufacturing`, broken apart by a PDF extraction, agree there); `acronym` is the
 * tokens' initials when there are two or more (`international business machines` → `ibm`).
 */
export interface OrgName {
  tokens: string[];
  compact: string;
  letters: string;
  acronym: string | null;
}

/** Legal forms, as words once dots are gone (`S.A.` → `sa`, `Co., Ltd.` → `co ltd`). */
const LEGAL_FORMS = new Set([
  ...['inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'llc', 'llp', 'lp', 'ltd'],
  ...['limited', 'plc', 'pty', 'pvt', 'private', 'pte', 'gmbh', 'ag', 'kg', 'ug', 'mbh', 'nv'],
  ...['bv', 'vof', 'oy', 'oyj', 'ab', 'as', 'asa', 'aps', 'sa', 'sab', 'sas', 'sarl', 'sl'],
  ...['slu', 'srl', 'spa', 'sapi', 'cv', 'ltda', 'eireli', 'epp', 'lda', 'sac', 'saa', 'kk'],
  ...['bhd', 'sdn', 'tbk', 'doo', 'dd', 'sro', 'zrt', 'kft', 'sp', 'zoo', 'ooo', 'pjsc', 'jsc'],
  ...['tic', 'sti', 'lllp', 'pllc', 'pc', 'na'],
]);

/** Articles and connecting words in the languages the product serves. */
const STOPWORDS = new Set([
  ...['the', 'and', 'of', 'a', 'an', 'for', 'at', 'in', 'on', 'by', 'to', 'dba'],
  ...['de', 'del', 'la', 'le', 'les', 'el', 'los', 'las', 'der', 'die', 'das', 'und'],
  ...['et', 'du', 'des', 'y', 'e', 'do', 'da', 'dos', 'di', 'van', 'von', 'en'],
]);

/** Abbreviations, spelled out: both sides then read the same word. */
const ABBREVIATIONS: Record<string, string> = {
  ctr: 'center',
  cntr: 'center',
  centre: 'center',
  intl: 'international',
  int: 'international',
  assn: 'association',
  assoc: 'association',
  univ: 'university',
  mfg: 'manufacturing',
  mfrs: 'manufacturers',
  svcs: 'services',
  svc: 'service',
  serv: 'service',
  servs: 'services',
  dept: 'department',
  bros: 'brothers',
  natl: 'national',
  hosp: 'hospital',
  mgmt: 'management',
  elec: 'electric',
  coop: 'cooperative',
  pub: 'public',
  pwr: 'power',
  sys: 'systems',
  grp: 'group',
  ind: 'industries',
  inds: 'industries',
  mt: 'mount',
  ft: 'fort',
  hq: 'headquarters',
  tech: 'technology',
  techs: 'technologies',
  labs: 'laboratories',
  lab: 'laboratory',
  med: 'medical',
  amer: 'american',
  gen: 'general',
  dist: 'district',
  twp: 'township',
  cty: 'county',
};

/** A word's plural folded onto its singular, so `services` and `service` agree. */
const singular = (word: string) =>
  word.length > 4 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;

function plainWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\b(\p{L})\.(?=\p{L}\b\.?)/gu, '$1') // s.a. → sa., d.o.o. → doo.
    .replace(/['’]/g, '') // o'brien → obrien
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

/**
 * A trailing place after a legal form (`Contoso B.V., Utrecht`) and a trailing article
 * (`Anchor, The`) are dropped with the legal forms: the comma's tail goes when the words
 * before it end in a legal form and the tail is short.
 */
function withoutTrailingPlace(name: string): string {
  const comma = name.lastIndexOf(',');
  if (comma < 0) return name;
  const head = plainWords(name.slice(0, comma));
  const tail = plainWords(name.slice(comma + 1));
  const last = head[head.length - 1];
  if (head.length > 1 && tail.length <= 3 && last && LEGAL_FORMS.has(last)) {
    return name.slice(0, comma);
  }
  return name;
}

/**
 * Runs of single letters are one broken word (`m e r c u r y` from a PDF list), except
 * initials before a word (`J. T. Harrison` keeps `j`, `t`).
 */
function joinedLetters(words: string[]): string[] {
  const out: string[] = [];
  let run = '';
  for (const word of words) {
    if (word.length === 1 && /\p{L}/u.test(word)) {
      run += word;
      continue;
    }
    if (run) out.push(...(run.length >= 3 ? [run] : [...run]));
    run = '';
    out.push(word);
  }
  if (run) out.push(...(run.length >= 3 ? [run] : [...run]));
  return out;
}

/** Null when nothing identifying is left (an empty name). */
export function orgName(name: string | null | undefined): OrgName | null {
  if (!name?.trim()) return null;
  const plain = plainWords(withoutTrailingPlace(name));
  const words = joinedLetters(plain).map((w) => ABBREVIATIONS[w] ?? w);
  let tokens = words
    .filter((w) => !LEGAL_FORMS.has(w) && !STOPWORDS.has(w))
    .map((w) => singular(ABBREVIATIONS[w] ?? w));
  // A name that is nothing but legal forms and articles keeps its words.
  if (tokens.length === 0) tokens = words;
  if (tokens.length === 0) return null;
  return {
    tokens,
    compact: tokens.join(''),
    letters: plain.join(''),
    acronym: tokens.length >= 2 ? tokens.map((t) => t[0]).join('') : null,
  };
}
