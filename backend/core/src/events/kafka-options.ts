import { KafkaOptions, Transport } from '@nestjs/microservices';

/** KafkaJS options for a process: its client id and the brokers of KAFKA_BROKERS. */
export function kafkaClientOptions(clientId: string, brokers: string): KafkaOptions['options'] {
  return {
    client: { clientId, brokers: brokers.split(','), retry: { retries: 8 } },
    producer: { allowAutoTopicCreation: true },
  };
}

/** A consumer group reading the topics of the process's `@EventPattern` handlers. */
export function kafkaConsumerOptions(
  clientId: string,
  brokers: string,
  groupId: string,
): KafkaOptions {
  return {
    transport: Transport.KAFKA,
    options: {
      ...kafkaClientOptions(clientId, brokers),
      consumer: { groupId, allowAutoTopicCreation: true },
      // The group id as given (Nest would append "-server").
      postfixId: '',
      // A group new to a topic starts at its beginning: no event published before the
      // service first started is missed.
      subscribe: { fromBeginning: true },
    },
  };
}
