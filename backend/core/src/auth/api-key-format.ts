import { createHash, randomBytes } from 'node:crypto';

const KEY_PATTERN = /^rvo_[a-z0-9]{8}_[A-Za-z0-9_-]{43}$/;

export interface NewApiKey {
  /** The whole key, shown to its owner once. */
  key: string;
  /** `rvo_xxxxxxxx`: stored and shown in lists so people can tell keys apart. */
  prefix: string;
  hash: string;
}

/**
 * A key is 256 random bits, so a fast hash is enough to store it safely (slow hashes
 * defend guessable passwords, which these are not) and lets a lookup use an index.
 */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function generateApiKey(): NewApiKey {
  const prefix = `rvo_${randomBytes(5).toString('hex').slice(0, 8)}`;
  const key = `${prefix}_${randomBytes(32).toString('base64url')}`;
  return { key, prefix, hash: hashApiKey(key) };
}

export function looksLikeApiKey(candidate: string): boolean {
  return KEY_PATTERN.test(candidate);
}

/** The token of an `Authorization: Bearer <token>` header, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}
