import { maskName, maskPhone, maskText } from './masking';

type Mask = (value: string) => string;

/** A field's name without case or separators: `email_from`, `emailFrom` → `emailfrom`. */
const normalised = (key: string): string => key.toLowerCase().replace(/[^a-z0-9]/g, '');

const EMAIL_KEY = /emails?(from|cc|to|normali[sz]ed|address(es)?)?$/;
const PHONE_KEY = /phone|mobile|fax/;
/** Phone-like names that hold no number: Odoo's `phone_state`, a country's `phone_code`. */
const NOT_A_PHONE = /(state|code)$/;
const PERSON_NAME_KEY =
  /(contact|first|last|middle|full|owner|person|given|family|sur)name$|^contacts?$/;
/** Tables whose rows are people, where `name` (and its variants) is a person's name. */
const PERSON_TABLE = /res_partner|res_users|contact|team_member/i;
const NAME_KEY = /^(name|displayname|completename)$/;

/** An email field: its addresses masked; a value that is no address at all, hidden. */
const maskEmailField: Mask = (value) => {
  const masked = maskText(value) ?? '';
  return masked !== value || value.trim() === '' ? masked : '***';
};
const maskPhoneField: Mask = (value) => maskPhone(value) ?? '';
const maskNameField: Mask = (value) => maskName(value) ?? '';
const maskFreeText: Mask = (value) => maskText(value) ?? '';

function maskFor(key: string, personTable: boolean): Mask {
  const k = normalised(key);
  if (EMAIL_KEY.test(k)) return maskEmailField;
  if (PHONE_KEY.test(k) && !NOT_A_PHONE.test(k)) return maskPhoneField;
  if (PERSON_NAME_KEY.test(k) || (personTable && NAME_KEY.test(k))) return maskNameField;
  return maskFreeText;
}

/** A record as JSON has it; a Date (or any other class) is a value, sent as it is. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (!value || typeof value !== 'object') return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function maskValue(value: unknown, mask: Mask, personTable: boolean): unknown {
  if (typeof value === 'string') return mask(value);
  // A list's items are what its field names (`emails: [...]`).
  if (Array.isArray(value)) return value.map((item) => maskValue(item, mask, personTable));
  if (isPlainObject(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [
        key,
        maskValue(inner, maskFor(key, personTable), personTable),
      ]),
    );
  }
  return value;
}

/**
 * A quarantined row's payload as the analyst role sees it: contact details decided by the
 * field's name, at any depth (`email`, `email_from`, `Email` → "j***@acme.com", a value
 * that is no address → "***"; `phone`, `mobile` → "*** *** **21"; `contact_name`,
 * `FirstName`, `ownerName`, `contact(s)` → "J*** S***", and `name` too in a table of people such as
 * `res_partner`), and any email or international phone number in other text (maskText).
 * Numbers, booleans, Dates and the field names themselves are left as they are.
 */
export function maskPayload(payload: unknown, sourceTable: string): unknown {
  return maskValue(payload, maskFreeText, PERSON_TABLE.test(sourceTable));
}

/**
 * A CORE opportunity (as a match's detail shows it) as the analyst role sees it: its contact
 * fields masked by name as maskPayload does (`contact`, `contacts` → "A*** S***"; `email`,
 * `contactEmails`; `phone`, `contactPhones`), other text through maskText. An opportunity's
 * `name` is the deal's, never a person's.
 */
export function maskOpportunity(record: Record<string, unknown>): Record<string, unknown> {
  return maskValue(record, maskFreeText, false) as Record<string, unknown>;
}
