/** Every topic, `revops.<producer>.<event>`; payloads are documented in docs/02-api/events.md. */
export const TOPICS = {
  ingestionCompleted: 'revops.ingestion.completed',
  opportunitiesChanged: 'revops.transformation.opportunities-changed',
} as const;
