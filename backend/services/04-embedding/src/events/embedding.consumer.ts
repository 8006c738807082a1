import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { EventConsumer, EventEnvelope, TOPICS } from '@revops/core';
import { EmbeddingService } from '../embedding.service';

export const EMBEDDING_CONSUMER_GROUP = 'revops-embedding';

/**
 * In its own process, embedding runs after each validation run: validation decides which
 * rows are held back from search, so it goes first.
 */
@Controller()
export class EmbeddingConsumer {
  constructor(
    private readonly events: EventConsumer,
    private readonly embedding: EmbeddingService,
  ) {}

  @EventPattern(TOPICS.validationCompleted)
  async onValidationCompleted(@Payload() event: EventEnvelope): Promise<void> {
    await this.events.once(EMBEDDING_CONSUMER_GROUP, event, () =>
      this.embedding.requestRun(`event:${event.topic}`),
    );
  }
}
