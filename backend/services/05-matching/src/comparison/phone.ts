import { CountryCode, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * A phone number in E.164 (`+18447475435`), read the way the number was written: with its
 * country code, or as a national number of the record's country (`(844) 747-5435` in the
 * US). Null when it is not a possible number.
 */
export function toE164(raw: string | null | undefined, country: string | null): string | null {
  const text = raw?.trim();
  if (!text || !/\d{4}/.test(text.replace(/\D/g, ''))) return null;
  const region =
    country && isSupportedCountry(country.toUpperCase())
      ? (country.toUpperCase() as CountryCode)
      : undefined;
  const parsed = parsePhoneNumberFromString(text, region);
  return parsed?.isPossible() ? parsed.number : null;
}
