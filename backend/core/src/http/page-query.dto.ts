import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsId, toDecimal } from '../errors/input-checks';

/** The paging half of a list route's query (a route's query class extends it). */
export class PageQuery {
  @IsOptional()
  @Transform(toDecimal)
  @IsInt({ message: 'limit must be an integer' })
  @Min(1, { message: 'limit must be between 1 and 500' })
  @Max(500, { message: 'limit must be between 1 and 500' })
  limit: number = 50;

  /** The `nextCursor` of the previous page. */
  @IsOptional()
  @IsId('cursor must be the nextCursor of the previous page')
  cursor?: string;
}
