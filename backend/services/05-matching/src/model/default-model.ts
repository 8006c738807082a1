import { MatchModel } from './match-model';

/**
 * What a deployment starts from before its first training (and where training starts its
 * estimates): probabilities judged from how CRM records are typed, not fitted to any data.
 * A full match uses it only until `09_train_matching_model.ts` or
 * `POST /api/v1/matching/model/train` stores a model estimated on the deployment's records.
 */
export const DEFAULT_MODEL: MatchModel = {
  version: null,
  parameters: {
    lambda: 1e-4,
    lambdaOtherDeal: 2e-4,
    comparisons: {
      name: {
        exact: { m: 0.45, u: 0.0005 },
        acronym: { m: 0.02, u: 0.0001 },
        contains: { m: 0.2, u: 0.002 },
        similar: { m: 0.15, u: 0.005 },
        related: { m: 0.1, u: 0.05 },
        different: { m: 0.08, u: 0.9424 },
      },
      domain: { equal: { m: 0.8, u: 0.001 }, different: { m: 0.2, u: 0.999 } },
      account: { equal: { m: 0.9, u: 0.0005 }, different: { m: 0.1, u: 0.9995 } },
      country: { equal: { m: 0.97, u: 0.1 }, different: { m: 0.03, u: 0.9 } },
      address: {
        street: { m: 0.5, u: 0.0005 },
        postcode: { m: 0.2, u: 0.002 },
        city: { m: 0.2, u: 0.02 },
        different: { m: 0.1, u: 0.9775 },
      },
      phone: { equal: { m: 0.6, u: 0.0005 }, different: { m: 0.4, u: 0.9995 } },
      email: { equal: { m: 0.4, u: 0.0005 }, different: { m: 0.6, u: 0.9995 } },
      contact: {
        equal: { m: 0.5, u: 0.001 },
        similar: { m: 0.1, u: 0.01 },
        different: { m: 0.4, u: 0.989 },
      },
      duns: { equal: { m: 0.95, u: 0.0001 }, different: { m: 0.05, u: 0.9999 } },
      reference: {
        equal: { m: 0.95, u: 0.0001, s: 0.01 },
        different: { m: 0.05, u: 0.9999, s: 0.99 },
      },
      closeDate: {
        '≤ 7 days': { m: 0.35, u: 0.03, s: 0.03 },
        '≤ 30 days': { m: 0.35, u: 0.1, s: 0.1 },
        '≤ 60 days': { m: 0.2, u: 0.12, s: 0.12 },
        '≤ 120 days': { m: 0.06, u: 0.2, s: 0.2 },
        '≤ 240 days': { m: 0.03, u: 0.25, s: 0.25 },
        further: { m: 0.01, u: 0.3, s: 0.3 },
      },
      amount: {
        agree: { m: 0.6, u: 0.2, s: 0.2 },
        close: { m: 0.3, u: 0.35, s: 0.35 },
        far: { m: 0.08, u: 0.3, s: 0.3 },
        'very far': { m: 0.02, u: 0.15, s: 0.15 },
      },
      text: {
        '≥ 0.9': { m: 0.2, u: 0.01, s: 0.03 },
        '≥ 0.8': { m: 0.35, u: 0.05, s: 0.1 },
        '≥ 0.7': { m: 0.3, u: 0.15, s: 0.25 },
        '≥ 0.6': { m: 0.1, u: 0.25, s: 0.3 },
        '< 0.6': { m: 0.05, u: 0.54, s: 0.32 },
      },
      stage: {
        consistent: { m: 0.85, u: 0.5, s: 0.5 },
        inconsistent: { m: 0.15, u: 0.5, s: 0.5 },
      },
    },
  },
};
