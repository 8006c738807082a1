import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerException,
  ThrottlerGuard,
  ThrottlerLimitDetail,
  ThrottlerRequest,
  ThrottlerStorage,
} from '@nestjs/throttler';
import type { ThrottlerModuleOptions } from '@nestjs/throttler';
import { ApiKeyService } from '../auth/api-key.service';
import { AuthenticatedRequest, IS_PUBLIC } from '../auth/auth.decorators';
import { authenticateRequest } from '../auth/authenticate-request';
import { Principal } from '../auth/principal';
import { CoreConfig } from '../config/core.config';
import {
  bucketOf,
  limitMessage,
  RateLimitBucket,
  RouteBudget,
  trackerOf,
} from './rate-limit-buckets';
import { RATE_LIMIT_BUDGET } from './rate-limit.decorator';

/**
 * @nestjs/throttler's guard with one budget per request: the caller's API key (its search,
 * run-trigger or general budget, by route), or, without a valid key, the client address.
 * It runs before ApiKeyGuard (see CoreModule), so requests that will answer 401 are
 * counted too; it finds the key itself, and ApiKeyGuard reuses that lookup.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  private readonly spending = new WeakMap<object, RateLimitBucket>();

  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly apiKeys: ApiKeyService,
    private readonly config: CoreConfig,
  ) {
    super(options, storage, reflector);
  }

  /** Event handlers and @Public() routes (health, metrics) are never limited. */
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    if (!this.config.RATE_LIMIT_ENABLED || context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    return Boolean(this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets));
  }

  /** Called once per named throttler; only the bucket this request spends counts it. */
  protected override async handleRequest(request: ThrottlerRequest): Promise<boolean> {
    const { context, throttler } = request;
    const { req } = this.getRequestResponse(context);
    const caller = await this.callerOf(req as AuthenticatedRequest);
    const route = this.reflector.getAllAndOverride<RouteBudget | undefined>(RATE_LIMIT_BUDGET, [
      context.getHandler(),
      context.getClass(),
    ]);
    const bucket = bucketOf(caller, route);
    if (throttler.name !== bucket) return true;

    this.spending.set(req, bucket);
    const tracker = trackerOf(caller, await this.getTracker(req));
    return super.handleRequest({
      ...request,
      getTracker: () => tracker,
      // One counter per bucket and caller, shared by every route that spends the bucket.
      generateKey: (_context, trackerKey, name) => `${name}:${trackerKey}`,
    });
  }

  /** 429 in the usual error body, with the standard Retry-After header in seconds. */
  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const { req, res } = this.getRequestResponse(context);
    const retryAfter = Math.max(1, detail.timeToBlockExpire);
    this.setResponseHeader(res, 'Retry-After', retryAfter);
    const bucket = this.spending.get(req) ?? 'default';
    throw new ThrottlerException(limitMessage(bucket, detail.limit, detail.ttl, retryAfter));
  }

  /** The valid key behind the request, or undefined (missing, unknown, revoked, or no database). */
  private async callerOf(request: AuthenticatedRequest): Promise<Principal | undefined> {
    try {
      // Set here too, so a request refused with 429 is still logged with its key.
      request.principal = await authenticateRequest(request, this.apiKeys);
      return request.principal;
    } catch {
      return undefined;
    }
  }
}
