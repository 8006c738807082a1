/**
 * Integer keys for Odoo records an export names only by External ID. Odoo's own export
 * ids embed the database id (`__export__.crm_lead_12_3f2a9c1b` is crm_lead 12); any
 * other External ID (`crm.crm_case_1`, an id a migration imported) gets a key from a
 * registry that keeps it across exports.
 */
export interface ExternalIdKeys {
  /** The key of each External ID of `sourceTable`; ids not seen before get a new one. */
  keysFor(sourceTable: string, externalIds: string[]): Promise<Map<string, number>>;
  /** Pairs an export gave with both `.id` and `id`: later exports by External ID agree. */
  remember(sourceTable: string, pairs: Map<string, number>): Promise<void>;
}

/** The database id inside an External ID Odoo made on export, or null. */
export function exportedDatabaseId(sourceTable: string, externalId: string): number | null {
  const match = /^__export__\.(.+?)_(\d+)(?:_[0-9a-f]{8})?$/.exec(externalId);
  if (!match || match[1] !== sourceTable) return null;
  const id = Number(match[2]);
  return Number.isSafeInteger(id) && id <= 2 ** 31 - 1 ? id : null;
}
