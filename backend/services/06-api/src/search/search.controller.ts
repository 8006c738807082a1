import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { CurrentPrincipal, RateLimit } from '@revops/core';
import type { Principal } from '@revops/core';
import { SearchQueryDto } from './search-query.dto';
import { SearchResultDto } from './search-result.dto';
import { SearchService } from './search.service';

@Controller('search')
@RateLimit('search')
export class SearchController {
  constructor(private readonly search: SearchService) {}

  /** GET /api/v1/search/opportunities?q=SAP+migration+hospital&country=BR&limit=10 */
  @Get('opportunities')
  opportunities(
    @Query() query: SearchQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SearchResultDto> {
    return this.search.search(query, principal);
  }

  /** The same search with the parameters in a JSON body (long queries, list filters). */
  @Post('opportunities')
  @HttpCode(200)
  opportunitiesByBody(
    @Body() query: SearchQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SearchResultDto> {
    return this.search.search(query, principal);
  }
}
