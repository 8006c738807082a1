import { Controller, Get, Query } from '@nestjs/common';
import { CurrentPrincipal, NoQueryParameters } from '@revops/core';
import type { Principal } from '@revops/core';
import { QuarantinePageDto, QuarantineQuery, QuarantineSummaryDto } from './quarantine.dto';
import { QuarantineService } from './quarantine.service';

@Controller('quarantine')
export class QuarantineController {
  constructor(private readonly quarantine: QuarantineService) {}

  /** Rows any stage set aside, newest first; contact details masked for analysts. */
  @Get()
  list(
    @Query() query: QuarantineQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<QuarantinePageDto> {
    return this.quarantine.list(query, principal);
  }

  /** Open rows per stage and table. */
  @Get('summary')
  summary(@Query() _query: NoQueryParameters): Promise<QuarantineSummaryDto> {
    return this.quarantine.summary();
  }
}
