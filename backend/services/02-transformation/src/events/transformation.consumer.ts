import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { EventConsumer, EventEnvelope, TOPICS } from '@revops/core';
import { TransformationService } from '../transformation.service';

export const TRANSFORMATION_CONSUMER_GROUP = 'revops-transformation';

/** What 01-ingestion announces when a sync run ends (docs/02-api/events.md). */
interface IngestionCompleted {
  status: 'succeeded' | 'failed';
  counts?: { inserted?: number; updated?: number; deleted?: number };
}

/** In its own process, transformation runs when a sync changed RAW. */
@Controller()
export class TransformationConsumer {
  constructor(
    private readonly events: EventConsumer,
    private readonly transformation: TransformationService,
  ) {}

  @EventPattern(TOPICS.ingestionCompleted)
  async onIngestionCompleted(@Payload() event: EventEnvelope<IngestionCompleted>): Promise<void> {
    await this.events.once(TRANSFORMATION_CONSUMER_GROUP, event, async () => {
      const { inserted = 0, updated = 0, deleted = 0 } = event.payload.counts ?? {};
      // A failed run may still have committed batches: only "nothing written" is skipped.
      if (inserted + updated + deleted === 0) return;
      await this.transformation.requestTransform(`event:${event.topic}`);
    });
  }
}
