import { Injectable } from '@nestjs/common';
import { API_KEY_ROLES, ApiKeyRole } from '@revops/models';
import { randomUUID } from 'node:crypto';
import { DomainException, InvalidInputException } from '../errors/domain.exception';
import { generateApiKey, hashApiKey, looksLikeApiKey } from './api-key-format';
import { ApiKeysRepository } from './api-keys.repository';
import { Principal } from './principal';

export interface CreatedApiKey {
  id: string;
  name: string;
  role: ApiKeyRole;
  prefix: string;
  /** Shown once; only its hash is stored. */
  key: string;
}

@Injectable()
export class ApiKeyService {
  constructor(private readonly repository: ApiKeysRepository) {}

  /** `actor` is who asked, for the audit log: `script:<name>` or `api-key:<name>`. */
  async create(name: string, role: ApiKeyRole, actor: string): Promise<CreatedApiKey> {
    const problems = [
      ...(name.trim() ? [] : [{ field: 'name', problems: ['must not be empty'] }]),
      ...(API_KEY_ROLES.includes(role)
        ? []
        : [{ field: 'role', problems: [`must be one of ${API_KEY_ROLES.join(', ')}`] }]),
    ];
    if (problems.length) throw new InvalidInputException('Invalid API key request', problems);

    const { key, prefix, hash } = generateApiKey();
    const saved = await this.repository.insert(
      { id: randomUUID(), name: name.trim(), role, keyPrefix: prefix, keyHash: hash },
      actor,
    );
    return { id: saved.id, name: saved.name, role: saved.role, prefix, key };
  }

  async authenticate(token: string | undefined): Promise<Principal> {
    if (!token) {
      throw new DomainException('unauthenticated', 'Missing header: Authorization: Bearer <key>');
    }
    const found = looksLikeApiKey(token)
      ? await this.repository.findActiveByHash(hashApiKey(token))
      : null;
    if (!found) throw new DomainException('unauthenticated', 'Unknown or revoked API key');
    await this.repository.touch(found.id);
    return { keyId: found.id, name: found.name, role: found.role };
  }
}
