import { Module } from '@nestjs/common';
import { loadConfig } from '@revops/core';
import { CompareService } from './compare.service';
import { MatchingConsumer } from './events/matching.consumer';
import { MatchesController, MatchingController } from './http/matches.controller';
import { MatchingConfig } from './matching.config';
import { MatchingModelService } from './matching-model.service';
import { MatchingModelsRepository } from './matching-models.repository';
import { MatchingService } from './matching.service';
import { MatchesRepository } from './matches.repository';
import { MatchPairsService } from './match-pairs.service';
import { MatchRecordsRepository } from './match-records.repository';
import { ReviewRepository } from './review.repository';
import { ReviewService } from './review.service';

/** Odoo ↔ ACE matching and its review API. Needs the CoreModule of the process it runs in. */
@Module({
  controllers: [MatchesController, MatchingController, MatchingConsumer],
  providers: [
    { provide: MatchingConfig, useFactory: () => loadConfig(MatchingConfig) },
    MatchRecordsRepository,
    MatchesRepository,
    MatchingModelsRepository,
    ReviewRepository,
    MatchPairsService,
    MatchingModelService,
    MatchingService,
    CompareService,
    ReviewService,
  ],
  exports: [MatchingService, MatchingModelService, ReviewService],
})
export class MatchingModule {}
