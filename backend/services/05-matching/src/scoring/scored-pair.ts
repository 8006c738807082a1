import { BlockingRule } from '../blocking/blocking';
import { Contribution } from '../model/score';

/** Stored with each match: the contributions (in order) sum to `score`. */
export interface MatchExplanation {
  /** The model version that scored the pair (null: the shipped default). */
  modelVersion: number | null;
  contributions: Contribution[];
  /** The candidate rules that found the pair (none: linked by hand without being one). */
  foundBy: BlockingRule[];
}

export interface ScoredPair {
  aceId: string;
  odooId: string;
  /** Log-odds: the sum of the contributions. */
  score: number;
  probability: number;
  explanation: MatchExplanation;
}
