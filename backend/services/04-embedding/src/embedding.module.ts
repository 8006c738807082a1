import { Module } from '@nestjs/common';
import { EmbedderModule } from './embedder/embedder.module';
import { EmbeddingMetrics } from './embedding.metrics';
import { EmbeddingService } from './embedding.service';
import { EmbeddingsRepository } from './embeddings.repository';
import { EmbeddingConsumer } from './events/embedding.consumer';

/** core.* → search.*. Needs the CoreModule of the process it runs in. */
@Module({
  imports: [EmbedderModule],
  controllers: [EmbeddingConsumer],
  providers: [EmbeddingsRepository, EmbeddingService, EmbeddingMetrics],
  exports: [EmbeddingService],
})
export class EmbeddingModule {}
