import { Injectable } from '@nestjs/common';
import { ApiKeyEntity, ApiKeyRole } from '@revops/models';
import { DataSource, IsNull, Repository } from 'typeorm';

@Injectable()
export class ApiKeysRepository {
  private readonly keys: Repository<ApiKeyEntity>;

  constructor(dataSource: DataSource) {
    this.keys = dataSource.getRepository(ApiKeyEntity);
  }

  async insert(key: {
    id: string;
    name: string;
    role: ApiKeyRole;
    keyPrefix: string;
    keyHash: string;
  }): Promise<ApiKeyEntity> {
    return this.keys.save(this.keys.create({ ...key, createdAt: new Date() }));
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
