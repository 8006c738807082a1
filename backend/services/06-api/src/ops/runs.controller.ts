import { Controller, Get, Query } from '@nestjs/common';
import { RunPageDto } from '@revops/core';
import { RunsQuery } from './runs.dto';
import { RunsService } from './runs.service';

@Controller('runs')
export class RunsController {
  constructor(private readonly runs: RunsService) {}

  /** Runs of one kind, newest first, in the run shape of every `…/runs/{id}` route. */
  @Get()
  list(@Query() query: RunsQuery): Promise<RunPageDto> {
    return this.runs.list(query);
  }
}
