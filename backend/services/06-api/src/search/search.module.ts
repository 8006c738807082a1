import { Module } from '@nestjs/common';
import { loadConfig } from '@revops/core';
import { EmbedderModule } from '@revops/embedding';
import { SearchConfig } from './search.config';
import { SearchController } from './search.controller';
import { SearchRepository } from './search.repository';
import { SearchService } from './search.service';

@Module({
  imports: [EmbedderModule],
  controllers: [SearchController],
  providers: [
    { provide: SearchConfig, useFactory: () => loadConfig(SearchConfig) },
    SearchRepository,
    SearchService,
  ],
  exports: [SearchService],
})
export class SearchModule {}
