import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type OpportunitySource = 'odoo' | 'ace';

/** The vector itself is read and written with SQL (`::vector`), never through the entity. */
@Entity({ schema: 'search', name: 'opportunity_embeddings' })
export class OpportunityEmbeddingEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column('text') source: OpportunitySource;
  @Column('text', { name: 'source_id' }) sourceId: string;
  @Column('text', { name: 'model_id' }) modelId: string;
  @Column('integer') dimensions: number;
  @Column('text') content: string;
  @Column('text', { name: 'content_hash' }) contentHash: string;
  @Column('timestamptz', { name: 'embedded_at' }) embeddedAt: Date;
}
