import { Controller, Get, Query } from '@nestjs/common';
import { CurrentPrincipal, RunPageDto } from '@revops/core';
import type { Principal } from '@revops/core';
import { RunsQuery } from './runs.dto';
import { RunsService } from './runs.service';

@Controller('runs')
export class RunsController {
  constructor(private readonly runs: RunsService) {}

  /** Runs of one kind, newest first, in the run shape of every `…/runs/{id}` route (emails and phone numbers in errors and details masked for analysts). */
  @Get()
  list(@Query() query: RunsQuery, @CurrentPrincipal() principal: Principal): Promise<RunPageDto> {
    return this.runs.list(query, principal);
  }
}
