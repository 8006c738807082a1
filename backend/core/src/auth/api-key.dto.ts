import type { ApiKeyRole } from '@revops/models';

/** An API key as lists show it: never the key itself nor its hash. */
export class ApiKeyDto {
  /** The key's id (a UUID): what revoking names. */
  id: string;
  /** Who or what the key is for. */
  name: string;
  role: ApiKeyRole;
  /** The key's first characters (`rvo_xxxxxxxx`), to tell keys apart; not a secret. */
  prefix: string;
  /** ISO 8601 timestamp. */
  createdAt: string;
  /** ISO 8601 timestamp, to the minute; null if never used. */
  lastUsedAt: string | null;
  /** ISO 8601 timestamp; null while the key works. */
  revokedAt: string | null;
}

/** A key just created: the only answer that ever holds the key itself. */
export class CreatedApiKeyDto extends ApiKeyDto {
  /** The whole key, for `Authorization: Bearer <key>`. Shown this once: only its hash is stored. */
  key: string;
}

/** A page of keys, newest first. */
export class ApiKeyPageDto {
  items: ApiKeyDto[];
  /** The cursor of the next page; null on the last one. */
  nextCursor: string | null;
}
