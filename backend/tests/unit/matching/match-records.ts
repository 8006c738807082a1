// Match records for the matching unit tests, built the way MatchRecordsRepository rows are.
import { MatchRecord, MatchRecordRow, toMatchRecord } from '@revops/matching/records/match-record';

const EMPTY: Omit<MatchRecordRow, 'source' | 'id'> = {
  customer: null,
  domain: null,
  country: null,
  street: null,
  postcode: null,
  city: null,
  phones: null,
  emails: null,
  contacts: null,
  duns: null,
  awsAccounts: null,
  companyId: null,
  reference: null,
  closeDate: null,
  total: null,
  monthly: null,
  months: null,
  stage: null,
};

export const aceRecord = (id: string, fields: Partial<MatchRecordRow> = {}): MatchRecord =>
  toMatchRecord({ ...EMPTY, source: 'ace', id, ...fields });

export const odooRecord = (id: string, fields: Partial<MatchRecordRow> = {}): MatchRecord =>
  toMatchRecord({ ...EMPTY, source: 'odoo', id, ...fields });
