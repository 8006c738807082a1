import { IsId } from '@revops/core';

export class TransformRunParams {
  @IsId('id must be the run id that POST /api/v1/transform/{entity} returned')
  id: string;
}
