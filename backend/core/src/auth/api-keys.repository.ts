import { Injectable } from '@nestjs/common';
import { ApiKeyEntity, ApiKeyRole, AuditLogEntity } from '@revops/models';
import { DataSource, IsNull, Repository } from 'typeorm';

@Injectable()
export class ApiKeysRepository {
  private readonly keys: Repository<ApiKeyEntity>;

  constructor(dataSource: DataSource) {
    this.keys = dataSource.getRepository(ApiKeyEntity);
  }

  /** Saves the key and its audit entry together: no key exists without a record of who made it. */
  async insert(
    key: { id: string; name: string; role: ApiKeyRole; keyPrefix: string; keyHash: string },
    actor: string,
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
        details: { name: saved.name, role: saved.role, keyPrefix: saved.keyPrefix },
      });
      return saved;
    });
  }

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
