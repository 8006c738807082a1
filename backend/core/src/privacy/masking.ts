/**
 * Emails and phone numbers as the analyst role sees them: enough to recognise
 * ("j***@acme-hospital.com", "*** *** **21"), not enough to contact.
 */
export function maskEmail(email: string | null): string | null {
  if (!email) return email;
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  return `${email[0]}***${email.slice(at)}`;
}

export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  let keep = 2;
  // Every digit but the last two becomes '*'; separators stay, so the shape is familiar.
  return [...phone]
    .reverse()
    .map((ch) => (/\d/.test(ch) && keep-- <= 0 ? '*' : ch))
    .reverse()
    .join('');
}

/** A person's name as the analyst role sees it: each word's initial ("J*** S***"). */
export function maskName(name: string | null): string | null {
  if (!name) return name;
  return name.replace(/\S+/g, (word) => `${[...word][0]}***`);
}

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
/** An international number (+ first): in free text, bare digit runs are often dates or ids. */
const PHONE = /\+\d[\d ().-]{5,}\d/g;

/** Free text (a title, a customer name) with any email or international phone number masked. */
export function maskText(text: string | null): string | null {
  if (!text) return text;
  return text.replace(EMAIL, (m) => maskEmail(m) ?? '').replace(PHONE, (m) => maskPhone(m) ?? '');
}
