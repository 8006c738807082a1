/** Every topic, `revops.<producer>.<event>`; payloads are documented in docs/02-api/events.md. */
export const TOPICS = {
  ingestionCompleted: 'revops.ingestion.completed',
  opportunitiesChanged: 'revops.transformation.opportunities-changed',
  validationCompleted: 'revops.validation.completed',
  embeddingUpdated: 'revops.embedding.updated',
} as const;
