/** Every topic, `revops.<producer>.<event>`; payloads are documented in docs/02-api/events.md. */
export const TOPICS = {
  ingestionCompleted: 'revops.ingestion.completed',
  opportunitiesChanged: 'revops.transformation.opportunities-changed',
  validationCompleted: 'revops.validation.completed',
  embeddingUpdated: 'revops.embedding.updated',
  /** Every consumer group announces here the events it gave up on (EVENT_MAX_ATTEMPTS). */
  deadLetter: 'revops.dead-letter',
  matchesChanged: 'revops.matching.matches-changed',
} as const;
