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
