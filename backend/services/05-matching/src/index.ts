export * from './matching.module';
export * from './matching.service';
export * from './matching.config';
export * from './matches.repository';
export * from './scoring/score-pair';
export * from './scoring/signals';
export * from './scoring/weights';
export * from './scoring/assign';
