import { IsIn, IsOptional, IsString, Matches, MaxLength, ValidateBy } from 'class-validator';
import { PageQuery, RUN_KINDS, RUN_STATUSES } from '@revops/core';
import type { RunKind, RunStatus } from '@revops/core';

/** A name each kind's runs carry, for the messages. */
const EXAMPLE_NAMES: Record<RunKind, string> = {
  sync: 'odoo',
  transform: 'transform:odoo-opportunities',
  validate: 'validate',
  embed: 'embed:opportunities',
  match: 'match:opportunities',
};

/** The sources a sync run can be of. */
const SYNC_SOURCES = ['odoo', 'apn'];

/** `name` names a run of `kind`: a source for a sync, else a job of that kind. */
function IsNameOfKind(): PropertyDecorator {
  return ValidateBy({
    name: 'isNameOfKind',
    validator: {
      validate: (value, args) => {
        const kind = (args?.object as { kind?: unknown }).kind;
        // Until both are text and kind is a kind, their own checks say what is wrong.
        if (typeof value !== 'string' || !RUN_KINDS.includes(kind as RunKind)) return true;
        if (kind === 'sync') return SYNC_SOURCES.includes(value);
        return value.split(':')[0] === kind;
      },
      defaultMessage: (args) => {
        const kind = (args?.object as { kind: RunKind }).kind;
        return kind === 'sync'
          ? `name must be a source (${SYNC_SOURCES.join(' or ')}) for kind=sync`
          : `name must be a ${kind} job's name for kind=${kind}, e.g. ${EXAMPLE_NAMES[kind]}`;
      },
    },
  });
}

/** GET /api/v1/runs */
export class RunsQuery extends PageQuery {
  /** Which runs: `sync` (ops.sync_runs), or the jobs `transform`, `validate`, `embed`, `match` (ops.job_runs). */
  @IsIn(RUN_KINDS, { message: `kind must be one of ${RUN_KINDS.join(', ')}` })
  kind: RunKind;

  /** One source for `sync` (`odoo`, `apn`), else one job, e.g. `transform:odoo-opportunities` or `match:train`. */
  @IsOptional()
  @IsString({ message: 'name must be text' })
  @MaxLength(100, { message: 'name must be at most 100 characters' })
  @Matches(/^[a-z0-9][a-z0-9:._-]*$/, {
    message: 'name must be a source (odoo, apn) or a job name such as transform:odoo-opportunities',
  })
  @IsNameOfKind()
  name?: string;

  @IsOptional()
  @IsIn(RUN_STATUSES, { message: `status must be one of ${RUN_STATUSES.join(', ')}` })
  status?: RunStatus;
}
