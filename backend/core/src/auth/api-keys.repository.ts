import { Injectable } from '@nestjs/common';
import { ApiKeyEntity, ApiKeyRole, AuditLogEntity } from '@revops/models';
import { DataSource, IsNull, Repository } from 'typeorm';

export type ApiKeyStatus = 'active' | 'revoked';

/** Who changed a key, for ops.audit_log. */
export interface KeyChangeActor {
  actor: string;
  correlationId: string | null;
}

@Injectable()
export class ApiKeysRepository {
  private readonly keys: Repository<ApiKeyEntity>;

  constructor(dataSource: DataSource) {
    this.keys = dataSource.getRepository(ApiKeyEntity);
  }

  /** Saves the key and its audit entry together: no key exists without a record of who made it. */
  async insert(
    key: { id: string; name: string; role: ApiKeyRole; keyPrefix: string; keyHash: string },
    { actor, correlationId }: KeyChangeActor,
  ): Promise<ApiKeyEntity> {
    return this.keys.manager.transaction(async (manager) => {
      const saved = await manager.save(
        manager.create(ApiKeyEntity, { ...key, createdAt: new Date() }),
      );
      await manager.insert(AuditLogEntity, {
        actor,
        action: 'api-key.created',
        entityType: 'api_key',
        entityId: saved.id,
        correlationId,
        details: { name: saved.name, role: saved.role, keyPrefix: saved.keyPrefix },
      });
      return saved;
    });
  }

  /**
   * Revokes the key and records who did, together; a key already revoked keeps its first
   * revocation (and its one audit entry). Null when no key has this id.
   */
  async revoke(id: string, { actor, correlationId }: KeyChangeActor): Promise<ApiKeyEntity | null> {
    return this.keys.manager.transaction(async (manager) => {
      const { affected } = await manager.update(
        ApiKeyEntity,
        { id, revokedAt: IsNull() },
        { revokedAt: () => 'now()' },
      );
      const key = await manager.findOneBy(ApiKeyEntity, { id });
      if (key && affected) {
        await manager.insert(AuditLogEntity, {
          actor,
          action: 'api-key.revoked',
          entityType: 'api_key',
          entityId: id,
          correlationId,
          details: { name: key.name, role: key.role, keyPrefix: key.keyPrefix },
        });
      }
      return key;
    });
  }

  findById(id: string): Promise<ApiKeyEntity | null> {
    return this.keys.findOneBy({ id });
  }

  /**
   * Newest first, after the key `afterId` (the previous page's last) when given. Read from
   * the database on every call, like authentication: nothing here is cached.
   */
  list(options: {
    status?: ApiKeyStatus;
    limit: number;
    afterId?: string;
  }): Promise<ApiKeyEntity[]> {
    const query = this.keys
      .createQueryBuilder('k')
      .orderBy('k.createdAt', 'DESC')
      .addOrderBy('k.id', 'DESC')
      .limit(options.limit);
    if (options.status) {
      query.andWhere(`k.revokedAt IS ${options.status === 'active' ? '' : 'NOT '}NULL`);
    }
    if (options.afterId) {
      query.andWhere(
        '(k.createdAt, k.id) < (SELECT created_at, id FROM ops.api_keys WHERE id = :afterId)',
        { afterId: options.afterId },
      );
    }
    return query.getMany();
  }

  /** The key this hash belongs to, unless revoked: looked up in the database every time. */
  findActiveByHash(keyHash: string): Promise<ApiKeyEntity | null> {
    return this.keys.findOneBy({ keyHash, revokedAt: IsNull() });
  }

  /** At most one write a minute per key, however busy it is. */
  async touch(id: string): Promise<void> {
    await this.keys.query(
      `UPDATE ops.api_keys SET last_used_at = now()
        WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [id],
    );
  }
}
