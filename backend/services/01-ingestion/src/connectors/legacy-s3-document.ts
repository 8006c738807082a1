import { LEGACY_COUNTRY_CODES } from './legacy-s3-countries';
import {
  LEGACY_MARKETING_SOURCE,
  LEGACY_REVIEW_STATUS,
  LEGACY_S3_FIELDS,
  LEGACY_TEAM_TITLES,
  LegacyConversion,
} from './legacy-s3-mapping';

/** The legacy ACE S3 outbound document ("APN CRM JSON", version 2.0) as GetOpportunity. */
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const isLegacyS3Document = (document: unknown): document is { opportunities: unknown[] } =>
  isObject(document) && Array.isArray(document.opportunities);

const splitList = (value: unknown): string[] =>
  (Array.isArray(value) ? value : String(value).split(';'))
    .map((item) => String(item).trim())
    .filter((item) => item !== '');

const COUNTRY_CODES = new Map(
  Object.entries(LEGACY_COUNTRY_CODES).map(([name, code]) => [name.toLowerCase(), code]),
);
const KNOWN_CODES = new Set(Object.values(LEGACY_COUNTRY_CODES));
const NO_AWS_SUPPORT = 'Do Not Need Support from AWS Sales Rep';

const lookup = (spellings: Record<string, string>, value: unknown): unknown =>
  Object.hasOwn(spellings, String(value)) ? spellings[String(value)] : value;

/** The API value of one legacy value, or `undefined` when it has none (kept as legacy). */
function convert(as: LegacyConversion, value: unknown): unknown {
  switch (as) {
    case 'text':
    case 'name':
      return typeof value === 'number' ? String(value) : value;
    case 'list':
      return splitList(value);
    case 'amount':
    case 'monthlySpend':
      return typeof value === 'number' ? String(value) : value;
    case 'countryCode': {
      const text = String(value).trim();
      if (KNOWN_CODES.has(text.toUpperCase()) && text.length === 2) return text.toUpperCase();
      return COUNTRY_CODES.get(text.toLowerCase());
    }
    case 'industry':
      return String(value).replace(/ & /g, ' and ');
    case 'closedLostReason':
      return String(value).replace(/ – /g, ' - ');
    case 'reviewStatus':
      return lookup(LEGACY_REVIEW_STATUS, value);
    case 'marketingSource':
      return lookup(LEGACY_MARKETING_SOURCE, value);
    case 'primaryNeeds': {
      // "Do Not Need Support…" is no API value: the API says it with no co-sell need at all.
      const needs = splitList(value);
      return needs.filter((need) => need !== NO_AWS_SUPPORT);
    }
    case 'nextStepsHistory':
      // A Long Text Area log cannot be split into the API's {Value, Time} entries.
      return Array.isArray(value) ? value : undefined;
  }
}

function setAt(root: Json, path: string, value: unknown): void {
  const keys = path.split('.');
  let node: Json = root;
  keys.slice(0, -1).forEach((key, i) => {
    const nextIsIndex = /^\d+$/.test(keys[i + 1]);
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = nextIsIndex ? [] : {};
    node = node[key] as Json;
  });
  node[keys[keys.length - 1]] = value;
}

/** Whether a converted value differs from the legacy one in a way that loses information. */
const lossy = (as: LegacyConversion, value: unknown, converted: unknown): boolean =>
  converted === undefined ||
  (as === 'primaryNeeds' && splitList(value).length !== (converted as unknown[]).length);

/**
 * One opportunity of a legacy S3 outbound document as a GetOpportunity-shaped object
 * (LEGACY_S3_FIELDS). Values without an API home (AWS-side team, scores, acceptance,
 * unknown keys) go under `LegacyS3Fields`, so they reach `_extra`. The S3 integration
 * predates catalogs; its opportunities are production ones unless told otherwise.
 */
export function legacyS3ToGetOpportunity(legacy: unknown, catalog = 'AWS'): Json {
  if (!isObject(legacy)) return { Catalog: catalog, LegacyS3Fields: { value: legacy } };
  const response: Json = { Catalog: catalog };
  const kept: Json = {};
  for (const [rawKey, value] of Object.entries(legacy)) {
    if (value === null || value === undefined || value === '') continue;
    const key = rawKey.trim();
    const field = Object.hasOwn(LEGACY_S3_FIELDS, key) ? LEGACY_S3_FIELDS[key] : null;
    if (!field) {
      kept[key] = value;
      continue;
    }
    const converted = convert(field.as, value);
    if (lossy(field.as, value, converted)) kept[key] = value;
    if (converted === undefined) continue;
    if (field.as === 'name') {
      // "First Middle Last" → FirstName "First", LastName "Middle Last".
      const [first, ...last] = String(converted).trim().split(/\s+/);
      setAt(response, `${field.path}.FirstName`, first);
      if (last.length) setAt(response, `${field.path}.LastName`, last.join(' '));
    } else if (field.as === 'monthlySpend') {
      // The legacy MRR estimate is in US dollars, per month, for AWS.
      setAt(response, field.path, {
        Amount: converted,
        CurrencyCode: 'USD',
        Frequency: 'Monthly',
        TargetCompany: 'AWS',
      });
    } else {
      setAt(response, field.path, converted);
    }
  }
  const team = response.OpportunityTeam;
  if (Array.isArray(team)) {
    LEGACY_TEAM_TITLES.forEach((title, i) => {
      if (isObject(team[i])) team[i] = { BusinessTitle: title, ...team[i] };
    });
    response.OpportunityTeam = team.filter(isObject);
  }
  if (Object.keys(kept).length) response.LegacyS3Fields = kept;
  return response;
}
