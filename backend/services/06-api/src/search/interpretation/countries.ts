import countries from 'world-countries';
import { PhraseTable } from './phrase-table';
import { phraseKey, type Span, type Token } from './tokens';

/** Languages the product serves: world-countries' keys and the matching CLDR locales. */
const TRANSLATIONS = ['deu', 'fra', 'ita', 'nld', 'por', 'spa'];
const LOCALES = ['en', 'es', 'pt', 'fr', 'de', 'it', 'nl'];

/**
 * Names in the data that are, folded, everyday words or other places in these languages:
 * Icelandic "Ísland" (English "island"), Portuguese "Irã" ("irá", will go), German "Mann"
 * (Isle of Man), the Brazilian city Salvador, the Spanish city Granada, the Mexican city Guadalupe,
 * first names. Never a country alone; the country's other names still are.
 */
const NOT_A_COUNTRY_ALONE = [
  'island',
  'ira',
  'mann',
  'salvador',
  'granada',
  'guadalupe',
  'maurice',
  'dominique',
];
/** Places and names that start or end with a country's name or demonym but are not it. */
const NOT_A_COUNTRY = [
  'new jersey',
  'new mexico',
  'new south wales',
  'british columbia',
  'indian ocean',
];
/** Also lower-case words ("polish the report", "turkey"): a country only when capitalised. */
const ONLY_CAPITALISED = ['polish', 'turkey'];

/**
 * ISO codes and short forms ("UK", "USA") that also read as a word or a common abbreviation
 * when written in capitals, so never a country alone:
 * - words in the product's languages: AM AS AT BE BY DE DO ET IN IS IT LA ME MY NA NE NO OR
 *   SE SI SO TO YE, AND ARE AUS CAN FIN GUM JAM LIE MAR NOR PAN PER SUR TON;
 * - US state abbreviations: AL AR AZ CA CO GA ID IL KY MA MD MN MO MS MT NC PA SC SD TN VA;
 * - company legal forms: AG BV SA SL;
 * - IT, business and medical abbreviations: AD AI BA BI BS CC CD CI CV CX DM EC EE ER FM GL
 *   GP HR IE IM IO IR LB LS MC MG ML MM MP MV MW NP PE PK PM PR PS PW QA RE SM SN SR ST TD TF
 *   TL TM TV VC VI WS, ALA ARM ASM BEN CAF COL COM DMA DOM EST ETH FRO GAB GEO GIN IOT KEN MAC
 *   NER NIC PNG UNK VAT.
 */
const NOT_A_CODE = new Set(
  (
    'AM AS AT BE BY DE DO ET IN IS IT LA ME MY NA NE NO OR SE SI SO TO YE ' +
    'AND ARE AUS CAN FIN GUM JAM LIE MAR NOR PAN PER SUR TON ' +
    'AL AR AZ CA CO GA ID IL KY MA MD MN MO MS MT NC PA SC SD TN VA ' +
    'AG BV SA SL ' +
    'AD AI BA BI BS CC CD CI CV CX DM EC EE ER FM GL GP HR IE IM IO IR LB LS MC MG ML MM MP MV ' +
    'MW NP PE PK PM PR PS PW QA RE SM SN SR ST TD TF TL TM TV VC VI WS ' +
    'ALA ARM ASM BEN CAF COL COM DMA DOM EST ETH FRO GAB GEO GIN IOT KEN MAC NER NIC PNG UNK VAT'
  ).split(' '),
);

/** Words before a country's name that belong to the phrase: "in Brazil", "no Brasil", "aus Deutschland". */
const PLACE_WORDS = new Set(
  (
    'in from of within across inside outside based located ' +
    'en em no na nos nas de do da dos das del desde ' +
    'au aux du des dans ' +
    'aus nach im ' +
    'nel nella negli dal dalla ' +
    'uit'
  ).split(' '),
);
const ARTICLES = new Set('the el la los las o os le les l die der den het'.split(' '));

interface CountryPhrase {
  code: string;
  /** A demonym ("Brazilian") takes no place word with it. */
  demonym: boolean;
  capitalised: boolean;
}

const SHORT_FORM = /^[A-Z]{2,3}$/;
/** "Republic of Turkey" → "Turkey", "Korea, Republic of" → "Korea": the short name some data lacks. */
const STATE_FORM =
  /^([^,]+), .*\bof(?: the)?$|^(?:[^,]* )?(?:republic|kingdom|state|commonwealth|federation|principality|sultanate|union|grand duchy) of (?:the )?([^,]{3,})$/i;

/**
 * Every name of every country in the served languages (world-countries: common and official
 * names, native names, translations, alternative spellings, English and French demonyms;
 * CLDR through Intl.DisplayNames: the names the embedded text uses) → ISO alpha-2 code; then,
 * where no country has it as a name, a name read out of a state form ("Republic of Turkey").
 * A phrase naming two countries ("Dutch": the Netherlands and the Caribbean Netherlands) goes
 * to the only sovereign state among them, or to none ("Korea", "Congolese").
 */
function buildNames(): PhraseTable<CountryPhrase | null> {
  type Candidate = { codes: Set<string>; derived: Set<string>; demonym: boolean };
  const candidates = new Map<string, Candidate>();
  const sovereign = new Set(
    countries.filter((c) => c.independent || c.unMember).map((c) => c.cca2),
  );
  const add = (name: string | undefined, code: string, demonym = false) => {
    if (!name || SHORT_FORM.test(name)) return;
    const short = STATE_FORM.exec(name);
    for (const [text, derived] of [
      [name, false],
      [short?.[1] ?? short?.[2], true],
    ] as const) {
      const key = text ? phraseKey(text) : '';
      if (!key) continue;
      const entry = candidates.get(key) ?? {
        codes: new Set<string>(),
        derived: new Set<string>(),
        demonym,
      };
      (derived ? entry.derived : entry.codes).add(code);
      entry.demonym &&= demonym;
      candidates.set(key, entry);
    }
  };
  const displayNames = LOCALES.map((locale) => new Intl.DisplayNames([locale], { type: 'region' }));
  for (const country of countries) {
    const code = country.cca2;
    add(country.name.common, code);
    add(country.name.official, code);
    for (const native of Object.values(country.name.native)) {
      add(native.common, code);
      add(native.official, code);
    }
    for (const language of TRANSLATIONS) {
      add(country.translations[language]?.common, code);
      add(country.translations[language]?.official, code);
    }
    for (const spelling of country.altSpellings) add(spelling, code);
    for (const demonyms of Object.values(country.demonyms)) {
      add(demonyms.m, code, true);
      add(demonyms.f, code, true);
    }
    for (const names of displayNames) {
      const name = names.of(code);
      if (name && name !== code) add(name, code);
    }
  }
  const table = new PhraseTable<CountryPhrase | null>();
  for (const [key, { codes, derived, demonym }] of candidates) {
    const named = codes.size ? codes : derived;
    const states = [...named].filter((code) => sovereign.has(code));
    const code = named.size === 1 ? [...named][0] : states.length === 1 ? states[0] : undefined;
    if (code) table.set(key, { code, demonym, capitalised: ONLY_CAPITALISED.includes(key) });
  }
  for (const word of NOT_A_COUNTRY_ALONE) table.set(word, null);
  for (const phrase of NOT_A_COUNTRY) table.set(phrase, null);
  return table;
}

/** ISO alpha-2 and alpha-3 codes and the short forms in altSpellings ("UK", "UAE"). */
function buildCodes(): Map<string, string> {
  const codes = new Map<string, string>();
  for (const country of countries) {
    for (const form of [country.cca2, country.cca3, ...country.altSpellings]) {
      if (SHORT_FORM.test(form) && !NOT_A_CODE.has(form)) codes.set(form, country.cca2);
    }
  }
  return codes;
}

const NAMES = buildNames();
const CODES = buildCodes();

export interface CountryFound {
  code: string;
  /** The phrases to take out of the query, each with its place word. */
  spans: Span[];
}

const TITLE_CASE = /^\p{Lu}\p{Ll}/u;

/**
 * The one country the query names, by name, demonym or code (codes only written in capitals
 * in a query that is not all capitals, standing alone). A query naming two countries gets none: "from Spain
 * to Brazil" is no filter on either, and both names stay words of the query. A name inside
 * a run of capitalised words without a place word before it is part of a company's name
 * ("American Express", "China Mobile", "Swiss Re"): no country, and the words stay.
 */
export function findCountry(
  query: string,
  tokens: readonly Token[],
  usable: (i: number) => boolean,
): CountryFound | undefined {
  const codesCount = /\p{Ll}/u.test(query);
  const found: { code: string; first: number; last: number }[] = [];
  const titled = (i: number) =>
    i >= 0 && i < tokens.length && usable(i) && TITLE_CASE.test(tokens[i].raw);
  for (let at = 0; at < tokens.length; at++) {
    if (!usable(at)) continue;
    const first = at;
    const match = NAMES.matchAt(tokens, at, usable);
    at += (match?.words ?? 1) - 1;
    let code: string | undefined;
    let place = 0;
    if (match) {
      const phrase = match.value;
      if (!phrase || (phrase.capitalised && !/^\p{Lu}/u.test(tokens[first].raw))) continue;
      code = phrase.code;
      if (!phrase.demonym) place = placeWordsBefore(tokens, first, usable);
    } else if (codesCount && standsAlone(query, tokens[at])) {
      code = CODES.get(tokens[at].raw);
      place = placeWordsBefore(tokens, first, usable);
    }
    if (!code) continue;
    if (!place && (titled(first - 1) || titled(at + 1))) continue;
    found.push({ code, first: first - place, last: at });
  }
  const codes = new Set(found.map((f) => f.code));
  if (codes.size !== 1) return undefined;
  return {
    code: [...codes][0],
    spans: found.map((f) => ({ start: tokens[f.first].start, end: tokens[f.last].end })),
  };
}

/** A code joined to another word ("PL/SQL", "CI/CD", "B2B-UK") is part of that word. */
function standsAlone(query: string, token: Token): boolean {
  const joined = (ch: string | undefined) => ch !== undefined && '/-&+_@#'.includes(ch);
  return !joined(query[token.start - 1]) && !joined(query[token.end]);
}

/** How many words before `at` go with a country's name: "in", "in the", "based in". */
function placeWordsBefore(
  tokens: readonly Token[],
  at: number,
  usable: (i: number) => boolean,
): number {
  let first = at;
  const before = (words: Set<string>) =>
    first > 0 && usable(first - 1) && words.has(tokens[first - 1].folded);
  if (before(ARTICLES)) first--;
  if (before(PLACE_WORDS)) first--;
  if (before(PLACE_WORDS)) first--;
  return at - first;
}
