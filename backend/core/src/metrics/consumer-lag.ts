import { Injectable } from '@nestjs/common';
import type { Consumer } from 'kafkajs';
import { Gauge } from 'prom-client';
import { METRIC_PREFIX, MetricsRegistry } from './metrics-registry';

/**
 * Kafka consumer lag as this replica's consumer sees it: after each batch it handles,
 * how many messages its partition still holds behind it (KafkaJS's batch `offsetLag`).
 * Known only for partitions this replica was assigned, as of their last batch, so the
 * series are reset when the group rebalances. Lag of a group nobody runs is not seen here.
 */
@Injectable()
export class ConsumerLag {
  private readonly lag: Gauge<'consumer_group' | 'topic' | 'partition'>;

  constructor(metrics: MetricsRegistry) {
    this.lag = new Gauge({
      name: `${METRIC_PREFIX}event_consumer_lag_messages`,
      help: "Messages behind this replica's Kafka consumer after its last batch, by group, topic and partition",
      labelNames: ['consumer_group', 'topic', 'partition'],
      registers: [metrics.registry],
    });
  }

  watch(consumerGroup: string, consumer: Consumer): void {
    consumer.on(consumer.events.GROUP_JOIN, () => this.lag.reset());
    consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
      const labels = {
        consumer_group: consumerGroup,
        topic: payload.topic,
        partition: String(payload.partition),
      };
      this.lag.set(labels, Math.max(0, Number(payload.offsetLag)));
    });
  }
}
