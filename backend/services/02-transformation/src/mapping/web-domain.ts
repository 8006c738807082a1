import { parse } from 'tldts';

/**
 * The registrable domain (what a company owns) of a website or an email address, by the
 * Public Suffix List: `https://www.shop.redwood.co.uk/x` → `redwood.co.uk`,
 * `ana@mail.banque-provence.fr` → `banque-provence.fr`. Private suffixes count, so a
 * company on `acme.github.io` is `acme.github.io`, not everyone on GitHub Pages. Null when
 * there is no domain to speak of (empty, an IP address, `localhost`, an unknown suffix).
 */
export function registrableDomain(websiteOrEmail: string | null | undefined): string | null {
  const text = websiteOrEmail?.trim().toLowerCase();
  if (!text) return null;
  const host =
    text.includes('@') && !text.includes('/') ? text.slice(text.lastIndexOf('@') + 1) : text;
  const parsed = parse(host, { allowPrivateDomains: true });
  if (parsed.isIp || !parsed.domain || !(parsed.isIcann || parsed.isPrivate)) return null;
  return parsed.domain;
}

/** Mailbox providers: an address there says nothing about the sender's company. */
export const FREE_MAIL = new Set([
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'yahoo.co.uk',
  'yahoo.com.br',
  'ymail.com',
  'hotmail.com',
  'hotmail.co.uk',
  'hotmail.fr',
  'outlook.com',
  'live.com',
  'msn.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'gmx.com',
  'gmx.de',
  'gmx.net',
  'web.de',
  'proton.me',
  'protonmail.com',
  'zoho.com',
  'yandex.ru',
  'mail.ru',
  'qq.com',
  '163.com',
  '126.com',
  'uol.com.br',
  'bol.com.br',
  'terra.com.br',
  'orange.fr',
  'free.fr',
  'laposte.net',
]);

/**
 * The company's domain: its website's, else the first email address's that is not at a
 * mailbox provider (`ana@gmail.com` names no company).
 */
export function companyDomain(
  websites: (string | null | undefined)[],
  emails: (string | null | undefined)[] = [],
): string | null {
  for (const website of websites) {
    const domain = registrableDomain(website);
    if (domain) return domain;
  }
  for (const email of emails) {
    const domain = registrableDomain(email);
    if (domain && !FREE_MAIL.has(domain)) return domain;
  }
  return null;
}
