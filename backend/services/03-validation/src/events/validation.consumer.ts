import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { EventConsumer, EventEnvelope, TOPICS } from '@revops/core';
import { ValidationService } from '../validation.service';

export const VALIDATION_CONSUMER_GROUP = 'revops-validation';

/** In its own process, validation re-runs when CORE opportunities change. */
@Controller()
export class ValidationConsumer {
  constructor(
    private readonly events: EventConsumer,
    private readonly validation: ValidationService,
  ) {}

  @EventPattern(TOPICS.opportunitiesChanged)
  async onOpportunitiesChanged(@Payload() event: EventEnvelope): Promise<void> {
    await this.events.once(VALIDATION_CONSUMER_GROUP, event, () =>
      this.validation.requestRun(`event:${event.topic}`),
    );
  }
}
