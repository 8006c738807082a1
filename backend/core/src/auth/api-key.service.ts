import { Injectable } from '@nestjs/common';
import { API_KEY_ROLES, ApiKeyEntity, ApiKeyRole } from '@revops/models';
import { randomUUID } from 'node:crypto';
import { DomainException, FieldProblem, InvalidInputException } from '../errors/domain.exception';
import { pageOf } from '../http/page';
import { currentCorrelationId } from '../logging/correlation';
import { generateApiKey, hashApiKey, looksLikeApiKey } from './api-key-format';
import { ApiKeyDto, ApiKeyPageDto, CreatedApiKeyDto } from './api-key.dto';
import { ApiKeysRepository, ApiKeyStatus } from './api-keys.repository';
import { Principal } from './principal';

export const API_KEY_NAME_MAX_LENGTH = 100;

/** The role of a key created without one: the least the API grants. */
export const DEFAULT_API_KEY_ROLE: ApiKeyRole = 'analyst';

/**
 * Creates, lists, revokes and checks API keys. Every check reads ops.api_keys (nothing is
 * cached), so a revocation holds from the very next request, on every replica.
 */
@Injectable()
export class ApiKeyService {
  constructor(private readonly repository: ApiKeysRepository) {}

  /**
   * `role` undefined: DEFAULT_API_KEY_ROLE. `actor` is who asked, for the audit log:
   * `script:<name>` or `api-key:<name>`.
   */
  async create(
    name: string,
    role: ApiKeyRole = DEFAULT_API_KEY_ROLE,
    actor: string,
  ): Promise<CreatedApiKeyDto> {
    const trimmed = name.trim();
    const problems: FieldProblem[] = [
      ...(trimmed ? [] : [{ field: 'name', problems: ['name must not be blank'] }]),
      ...(trimmed.length > API_KEY_NAME_MAX_LENGTH
        ? [{ field: 'name', problems: [`name must be at most ${API_KEY_NAME_MAX_LENGTH} characters`] }] // prettier-ignore
        : []),
      ...(API_KEY_ROLES.includes(role)
        ? []
        : [{ field: 'role', problems: [`must be one of ${API_KEY_ROLES.join(', ')}`] }]),
    ];
    if (problems.length) throw new InvalidInputException('Invalid API key request', problems);

    const { key, prefix, hash } = generateApiKey();
    const saved = await this.repository.insert(
      { id: randomUUID(), name: trimmed, role, keyPrefix: prefix, keyHash: hash },
      this.who(actor),
    );
    return { ...toApiKeyDto(saved), key };
  }

  /** Newest first; `cursor` is the previous page's `nextCursor`. */
  async list(query: {
    status?: ApiKeyStatus;
    limit: number;
    cursor?: string;
  }): Promise<ApiKeyPageDto> {
    if (query.cursor && !(await this.repository.findById(query.cursor))) {
      throw new InvalidInputException('Invalid cursor', [
        { field: 'cursor', problems: ['cursor must be the nextCursor of the previous page'] },
      ]);
    }
    const rows = await this.repository.list({
      status: query.status,
      limit: query.limit + 1,
      afterId: query.cursor,
    });
    return pageOf(rows.map(toApiKeyDto), query.limit, (last) => last.id);
  }

  /** The key stops working at once; revoking a revoked key changes nothing. */
  async revoke(id: string, actor: string): Promise<ApiKeyDto> {
    const key = await this.repository.revoke(id, this.who(actor));
    if (!key) throw new DomainException('not_found', `No API key ${id}`, { id });
    return toApiKeyDto(key);
  }

  /** The active key this secret opens, or null; unlike authenticate, not counted as a use. */
  async findActive(secret: string): Promise<ApiKeyDto | null> {
    const found = looksLikeApiKey(secret)
      ? await this.repository.findActiveByHash(hashApiKey(secret))
      : null;
    return found && toApiKeyDto(found);
  }

  /** identify, then recordUse: the key is checked and its use recorded. */
  async authenticate(token: string | undefined): Promise<Principal> {
    const principal = await this.identify(token);
    await this.recordUse(principal.keyId);
    return principal;
  }

  /**
   * Who the token belongs to, without recording a use: the rate limiter needs this to pick
   * the budget, and a request it refuses must not count as the key's use (nor write).
   */
  async identify(token: string | undefined): Promise<Principal> {
    if (!token) {
      throw new DomainException('unauthenticated', 'Missing header: Authorization: Bearer <key>');
    }
    const found = looksLikeApiKey(token)
      ? await this.repository.findActiveByHash(hashApiKey(token))
      : null;
    if (!found) throw new DomainException('unauthenticated', 'Unknown or revoked API key');
    return { keyId: found.id, name: found.name, role: found.role };
  }

  /** Sets the key's lastUsedAt (at most one write a minute per key). */
  recordUse(keyId: string): Promise<void> {
    return this.repository.touch(keyId);
  }

  private who(actor: string): { actor: string; correlationId: string | null } {
    return { actor, correlationId: currentCorrelationId() ?? null };
  }
}

function toApiKeyDto(row: ApiKeyEntity): ApiKeyDto {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    prefix: row.keyPrefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
