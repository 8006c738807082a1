import { Module } from '@nestjs/common';
import { loadConfig } from '@revops/core';
import { CandidatesRepository } from './candidates.repository';
import { MatchingConsumer } from './events/matching.consumer';
import { MatchesController, MatchingController } from './http/matches.controller';
import { MatchingConfig } from './matching.config';
import { MatchesRepository } from './matches.repository';
import { MatchingService } from './matching.service';
import { ReviewRepository } from './review.repository';

/** Odoo ↔ ACE matching and its review API. Needs the CoreModule of the process it runs in. */
@Module({
  controllers: [MatchesController, MatchingController, MatchingConsumer],
  providers: [
    { provide: MatchingConfig, useFactory: () => loadConfig(MatchingConfig) },
    CandidatesRepository,
    MatchesRepository,
    ReviewRepository,
    MatchingService,
  ],
  exports: [MatchingService],
})
export class MatchingModule {}
