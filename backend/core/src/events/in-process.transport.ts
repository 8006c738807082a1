import { Injectable } from '@nestjs/common';
import { BaseRpcContext, CustomTransportStrategy, Server } from '@nestjs/microservices';
import { isObservable, lastValueFrom } from 'rxjs';
import { EventEnvelope } from './event-envelope';

/**
 * The broker of a process that holds every consumer (the all-in-one) when there is no
 * Kafka: a Nest transport strategy whose `@EventPattern` handlers the outbox relay calls
 * directly, through the same pipes and exception filter as a Kafka message. Connected
 * with `app.connectMicroservice({ strategy })` by bootstrapHttpService.
 */
@Injectable()
export class InProcessTransport extends Server implements CustomTransportStrategy {
  private listening = false;

  /** Started (and not closed): the relay may deliver to it. */
  get isListening(): boolean {
    return this.listening;
  }

  listen(callback: () => void): void {
    this.listening = true;
    callback();
  }

  close(): void {
    this.listening = false;
  }

  on(): never {
    throw new Error('The in-process transport has no status events');
  }

  unwrap<T>(): T {
    throw new Error('The in-process transport wraps no client');
  }

  /**
   * Runs the handlers of the event's topic and resolves when they have all returned, or
   * rejects with the first failure. A topic without a handler here has no consumer at all
   * in this process, as a Kafka topic nobody reads: the event is simply delivered.
   */
  async deliver(event: EventEnvelope): Promise<void> {
    const handler = this.getHandlerByPattern(event.topic);
    if (!handler) return;
    // Nest's event handler returns an observable when it has failed (the exception filter
    // rethrows through one) or when several handlers share the topic.
    const result: unknown = await handler(event, new BaseRpcContext([event.topic]));
    if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
  }
}
