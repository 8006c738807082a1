/** Injection token: the name of the running service (`ingestion`, …, `all-in-one`). */
export const SERVICE_NAME = Symbol('SERVICE_NAME');
