/** Job names in ops.job_runs, and the advisory lock every matching job takes. */
export const MATCH_ALL_JOB = 'match:opportunities';
export const MATCH_CHANGED_JOB = 'match:changed';
export const MATCH_TRAIN_JOB = 'match:train';
/** Runs and training exclude each other across processes. */
export const MATCH_LOCK = 'revops.match';
export const MATCH_BUSY = 'A matching run or training is already running';
