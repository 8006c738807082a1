import { Controller, Get, Query } from '@nestjs/common';
import { NoQueryParameters } from '@revops/core';
import { StatusDto } from './status.dto';
import { StatusService } from './status.service';

@Controller('status')
export class StatusController {
  constructor(private readonly status: StatusService) {}

  /** The sync schedules, the embedding backlog and model circuit, and each kind's newest run. */
  @Get()
  get(@Query() _query: NoQueryParameters): Promise<StatusDto> {
    return this.status.status();
  }
}
