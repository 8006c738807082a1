import { Column, Entity, PrimaryColumn } from 'typeorm';

export const API_KEY_ROLES = ['analyst', 'engineer', 'admin'] as const;
export type ApiKeyRole = (typeof API_KEY_ROLES)[number];

@Entity({ schema: 'ops', name: 'api_keys' })
export class ApiKeyEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') name: string;
  @Column('text') role: ApiKeyRole;
  /** The first characters of the key, shown to people to tell keys apart. */
  @Column('text', { name: 'key_prefix' }) keyPrefix: string;
  /** SHA-256 of the whole key; the key itself is never stored. */
  @Column('text', { name: 'key_hash' }) keyHash: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'last_used_at', nullable: true }) lastUsedAt: Date | null;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt: Date | null;
}
