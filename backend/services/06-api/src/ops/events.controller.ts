import { Controller, Get, Query } from '@nestjs/common';
import { CurrentPrincipal } from '@revops/core';
import type { Principal } from '@revops/core';
import { EventPipelineDto, EventsQuery } from './events.dto';
import { EventPipelineService } from './event-pipeline.service';

@Controller('events')
export class EventsController {
  constructor(private readonly pipeline: EventPipelineService) {}

  /** The outbox backlog and the open dead letters (errors masked for analysts). */
  @Get()
  state(
    @Query() query: EventsQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EventPipelineDto> {
    return this.pipeline.state(query.limit, principal);
  }
}
