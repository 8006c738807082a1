/** One failing request field and what is wrong with it. */
export class FieldProblemDto {
  /** The field, e.g. `limit`, `body.note` or `filters.0.country`. */
  field: string;
  problems: string[];
}

/** Every error answer: 4xx with what to change, 5xx with only a correlation id to quote. */
export class ErrorBodyDto {
  statusCode: number;
  /** `invalid_input`, `unauthenticated`, `forbidden`, `not_found`, `conflict`, `too_many_requests`, `internal_error`… */
  error: string;
  message: string;
  /** On 400 for bad input: each failing field. */
  fields?: FieldProblemDto[];
  /** On 409, what the conflict is about, to act on: e.g. a stale match version's `id` and current `version` and `status` (reload it), or the `linkedMatchId` a link would clash with. */
  details?: Record<string, unknown>;
  /** Also in the `x-correlation-id` header and in every log line of the request. */
  correlationId: string;
}
