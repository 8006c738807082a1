import { Controller, Get, Query } from '@nestjs/common';
import { SearchQueryDto } from './search-query.dto';
import { SearchResult, SearchService } from './search.service';

@Controller('search')
export class SearchController {
  constructor(private readonly search: SearchService) {}

  /** GET /api/v1/search/opportunities?q=data+warehouse+migration&limit=10 */
  @Get('opportunities')
  opportunities(@Query() query: SearchQueryDto): Promise<SearchResult> {
    return this.search.semantic(query.q, query.limit);
  }
}
