import { Injectable } from '@nestjs/common';
import {
  DeadLettersRepository,
  masksContacts,
  maskText,
  OutboxRepository,
  withoutServerPaths,
} from '@revops/core';
import type { Principal } from '@revops/core';
import { EventPipelineDto } from './events.dto';

/** The outbox backlog and the dead letters, for the dashboard. */
@Injectable()
export class EventPipelineService {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly deadLetters: DeadLettersRepository,
  ) {}

  /** `newest`: how many of the newest open dead letters to list. */
  async state(newest: number, principal: Principal | undefined): Promise<EventPipelineDto> {
    // An error may quote the data it failed on (a duplicate key's value): masked for analysts.
    const mask = masksContacts(principal);
    const errorText = (error: string): string => {
      const text = withoutServerPaths(error);
      return mask ? (maskText(text) ?? '') : text;
    };
    const backlog = await this.outbox.backlog();
    const counts = await this.deadLetters.openCounts();
    const letters = await this.deadLetters.newestOpen(newest);
    return {
      outbox: {
        unpublished: backlog.unpublished,
        oldestUnpublishedAt: backlog.oldestCreatedAt
          ? new Date(backlog.oldestCreatedAt).toISOString()
          : null,
        failing: backlog.failing,
        lastError: backlog.lastError === null ? null : errorText(backlog.lastError),
      },
      deadLetters: {
        open: counts.reduce((sum, count) => sum + count.open, 0),
        byGroup: counts,
        newest: letters.map((letter) => ({
          consumerGroup: letter.consumerGroup,
          eventId: letter.eventId,
          topic: letter.topic,
          attempts: letter.attempts,
          lastError: errorText(letter.lastError),
          deadLetteredAt: new Date(letter.deadLetteredAt).toISOString(),
        })),
      },
    };
  }
}
