import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { EventConsumer, EventEnvelope, TOPICS } from '@revops/core';
import { ChangedOpportunities, MatchingService } from '../matching.service';

export const MATCHING_CONSUMER_GROUP = 'revops-matching';

interface EmbeddingUpdated {
  embedded?: { source: 'odoo' | 'ace'; sourceId: string }[];
  removed?: { source: 'odoo' | 'ace'; sourceId: string }[];
}

/**
 * Matching follows the search vectors: each `revops.embedding.updated` names the
 * opportunities whose vector was written or removed, and exactly those are re-matched.
 */
@Controller()
export class MatchingConsumer {
  constructor(
    private readonly events: EventConsumer,
    private readonly matching: MatchingService,
  ) {}

  @EventPattern(TOPICS.embeddingUpdated)
  async onEmbeddingUpdated(@Payload() event: EventEnvelope<EmbeddingUpdated>): Promise<void> {
    await this.events.once(MATCHING_CONSUMER_GROUP, event, () =>
      this.matching.requestRematch(changedIn(event.payload), `event:${event.topic}`),
    );
  }
}

export function changedIn(payload: EmbeddingUpdated): ChangedOpportunities {
  const all = [...(payload.embedded ?? []), ...(payload.removed ?? [])];
  return {
    ace: all.filter((o) => o.source === 'ace').map((o) => o.sourceId),
    odoo: all.filter((o) => o.source === 'odoo').map((o) => o.sourceId),
  };
}
