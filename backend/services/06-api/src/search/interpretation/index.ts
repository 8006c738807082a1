export { ACE_INDUSTRIES, type AceIndustry } from './industries';
export { interpretQuery, type QueryInterpretation } from './interpret-query';
export type { StageCategory } from './stage-category';
