import { Module } from '@nestjs/common';
import { EmbedderModule } from './embedder/embedder.module';
import { EmbeddingService } from './embedding.service';
import { EmbeddingsRepository } from './embeddings.repository';

/** core.* → search.*. Needs the CoreModule of the process it runs in. */
@Module({
  imports: [EmbedderModule],
  providers: [EmbeddingsRepository, EmbeddingService],
  exports: [EmbeddingService],
})
export class EmbeddingModule {}
