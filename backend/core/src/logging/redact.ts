const SECRET_KEY = /pass(word)?|secret|token|authorization|api[-_]?key|cookie|credential/i;
const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^:/\s@]+:)[^@\s]+@/gi;
const BEARER = /(bearer\s+)[A-Za-z0-9._~+/=-]+/gi;
const API_KEY = /\brvo_[A-Za-z0-9_-]{8,}/g;

export const REDACTED = '[REDACTED]';

/** Masks credentials inside free text: URL passwords, bearer tokens, our API keys. */
export function redactText(text: string): string {
  return text
    .replace(URL_PASSWORD, `$1${REDACTED}@`)
    .replace(BEARER, `$1${REDACTED}`)
    .replace(API_KEY, REDACTED);
}

/** Deep copy of `value` with secret-looking keys and embedded credentials masked. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 8) return value;
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  if (value instanceof Error) {
    return { name: value.name, message: redactText(value.message), stack: value.stack };
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [
        key,
        SECRET_KEY.test(key) && inner ? REDACTED : redact(inner, depth + 1),
      ]),
    );
  }
  return value;
}
