import { RawTableSpec } from '../raw/raw-table-spec';
import {
  flattenMany2one,
  modelFor,
  OdooDomain,
  OdooField,
  orderClause,
  pageDomain,
  sortByCursor,
  storedFields,
  TAG_RELATION,
  tagRelationRows,
  keysetDomain,
  withinSecond,
} from './odoo-api.domain';
import { keyOf, PageRequest, SourceConnector } from './source-connector';

export interface OdooApiOptions {
  /** Base URL of the Odoo server, e.g. https://odoo.example.com */
  url: string;
  database: string;
  /** `jsonrpc`: /jsonrpc with login and password (or API key), Odoo ≤ 18 and later; `json2`: /json/2 with an API key, Odoo 19+. */
  protocol: 'jsonrpc' | 'json2';
  username?: string;
  password?: string;
  apiKey?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/**
 * An Odoo API call that failed. `code` is a socket code (ECONNREFUSED, ECONNRESET,
 * ETIMEDOUT) when trying again may help, so the sync engine's retry picks it up;
 * ODOO_ACCESS_DENIED or ODOO_ERROR when Odoo refused the call itself.
 */
export class OdooApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** What JSON-RPC sends in `error` and JSON-2 as the body of a 4xx/5xx answer. */
interface OdooFault {
  name?: string;
  message?: string;
  data?: { name?: string; message?: string };
}

const ACCESS_DENIED = /AccessDenied|Unauthorized/;
const MAX_MESSAGE = 500;

/** `{"error": {...}}` of a JSON-RPC answer as an error naming the call and Odoo's reason. */
export function odooFaultError(call: string, fault: OdooFault, status?: number): OdooApiError {
  const name = fault.data?.name ?? fault.name ?? 'unknown error';
  const reason = (fault.data?.message ?? fault.message ?? '').split('\n')[0].slice(0, MAX_MESSAGE);
  const http = status ? `HTTP ${status} ` : '';
  if (ACCESS_DENIED.test(name) || status === 401) {
    return new OdooApiError(
      `Odoo ${call} failed: Access Denied (${http}${name}: ${reason || 'no reason given'})`,
      'ODOO_ACCESS_DENIED',
      status,
    );
  }
  return new OdooApiError(`Odoo ${call} failed: ${http}${reason} (${name})`, 'ODOO_ERROR', status);
}

/** Statuses a proxy or Odoo answers when busy: worth another try, like a dropped connection. */
const RETRY_STATUSES = new Set([429, 502, 503, 504]);

/** A non-2xx HTTP answer, its body JSON (Odoo's fault) or not (a proxy's page). */
export function odooHttpError(call: string, status: number, body: string): OdooApiError {
  let fault: OdooFault | undefined;
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === 'object') fault = parsed as OdooFault;
  } catch {
    fault = undefined;
  }
  // retry.ts knows socket codes only; a gateway or rate-limit answer is retried the same way.
  if (RETRY_STATUSES.has(status)) {
    return new OdooApiError(`Odoo ${call} failed: HTTP ${status}`, 'ECONNRESET', status);
  }
  return fault
    ? odooFaultError(call, fault, status)
    : new OdooApiError(`Odoo ${call} failed: HTTP ${status}`, 'ODOO_ERROR', status);
}

/** fetch's own failure (refused, reset, timed out) with the socket code kept for retries. */
export function odooNetworkError(call: string, target: string, error: unknown): OdooApiError {
  // Checked by name: fetch's DOMException may come from another realm than this Error.
  const timedOut = (error as { name?: unknown } | null)?.name === 'TimeoutError';
  const cause = (error as { cause?: { code?: unknown; errors?: { code?: unknown }[] } }).cause;
  const code = timedOut ? 'ETIMEDOUT' : (cause?.code ?? cause?.errors?.[0]?.code);
  const text = typeof code === 'string' ? code : error instanceof Error ? error.message : 'failed';
  return new OdooApiError(
    `Odoo ${call} failed: ${target} unreachable (${text})`,
    typeof code === 'string' ? code : 'ECONNRESET',
  );
}

/** The server part of a URL, without credentials, query or trailing slash. */
function publicUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('Odoo url is not a valid URL such as https://odoo.example.com');
  }
  return `${parsed.protocol}//${parsed.host}${parsed.pathname.replace(/\/+$/, '')}`;
}

/**
 * Odoo through its external API (JSON-RPC, or JSON-2 from 19.0): for an Odoo whose database
 * cannot be reached, such as Odoo Online. Only stored fields of the RAW tables are asked for,
 * archived rows included; one request at a time, so a busy Odoo is not crowded.
 */
export class OdooApiConnector implements SourceConnector {
  readonly source = 'odoo' as const;
  readonly description: string;
  private readonly baseUrl: string;
  private readonly fetch: typeof fetch;
  private readonly timeoutMs: number;
  private readonly secret: string;
  private readonly fields = new Map<string, Record<string, OdooField>>();
  private uid?: number;
  private requestId = 0;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: OdooApiOptions) {
    const { protocol, username, password, apiKey } = options;
    const secret = protocol === 'json2' ? apiKey : (password ?? apiKey);
    if (!secret || (protocol === 'jsonrpc' && !username)) {
      throw new Error(
        protocol === 'json2'
          ? 'Odoo JSON-2 needs an API key'
          : 'Odoo JSON-RPC needs a username and a password or API key',
      );
    }
    this.secret = secret;
    this.baseUrl = publicUrl(options.url);
    this.description = `odoo-${protocol} ${this.baseUrl} db ${options.database}`;
    this.fetch = options.fetch ?? fetch;
    this.timeoutMs = options.timeoutMs ?? 60_000;
  }

  async availableTables(tables: RawTableSpec[]): Promise<RawTableSpec[]> {
    const models = [...new Set(tables.map(modelFor))];
    const present = await this.call<{ model: string }[]>('ir.model', 'search_read', {
      domain: [['model', 'in', models]],
      fields: ['model'],
    });
    const names = new Set(present.map((row) => row.model));
    return tables.filter((table) => names.has(modelFor(table)));
  }

  async readPage(table: RawTableSpec, page: PageRequest): Promise<Record<string, unknown>[]> {
    if (table.sourceTable === TAG_RELATION) return this.readTagPage(page);
    const model = modelFor(table);
    const fields = await this.fieldsOf(model);
    const names = storedFields(table, fields);
    const read = (domain: OdooDomain, order: string[], limit: number) =>
      this.searchRead(model, { domain, fields: names, order: orderClause(order), limit });

    const [first, ...rest] = page.order;
    const byTime = fields[first]?.type === 'datetime' && rest.length > 0;
    const rows = sortByCursor(
      await read(pageDomain(page, byTime), page.order, page.limit),
      page.order,
    );
    if (!byTime || rows.length < page.limit) return rows.map((row) => flattenMany2one(row, fields));
    // Odoo orders by the stored microseconds, RAW's cursor by the second read back: the
    // page's last second is read again whole, in key order, so no row of it is skipped.
    // A full page thus costs two requests; the last, short page one.
    const second = String(rows[rows.length - 1][first]);
    const head = rows.filter((row) => row[first] !== second);
    const after = page.after?.[0] === second ? keysetDomain(rest, page.after.slice(1)) : [];
    const tail = await read(
      [...withinSecond(first, second), ...after],
      rest,
      page.limit - head.length,
    );
    return [...head, ...tail].map((row) => flattenMany2one(row, fields));
  }

  async readKeys(table: RawTableSpec): Promise<string[]> {
    if (table.sourceTable === TAG_RELATION) {
      const rows = tagRelationRows(await this.taggedLeads([]));
      return rows.map((row) => keyOf(row, table.primaryKey));
    }
    const ids = await this.call<number[]>(modelFor(table), 'search', {
      domain: [],
      context: { active_test: false },
    });
    return ids.map(String);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  /** crm_tag_rel in (lead_id, tag_id) order: leads with tags by id, expanded. */
  private async readTagPage(page: PageRequest): Promise<Record<string, unknown>[]> {
    const after = page.after?.map(Number);
    const rows: { lead_id: number; tag_id: number }[] = [];
    let domain: OdooDomain = after ? [['id', '>=', after[0]]] : [];
    for (;;) {
      const leads = await this.taggedLeads(domain, page.limit);
      rows.push(
        ...tagRelationRows(leads).filter(
          (row) =>
            !after || row.lead_id > after[0] || (row.lead_id === after[0] && row.tag_id > after[1]),
        ),
      );
      if (leads.length < page.limit || rows.length >= page.limit) break;
      domain = [['id', '>', leads[leads.length - 1].id]];
    }
    return rows.slice(0, page.limit);
  }

  private taggedLeads(
    domain: OdooDomain,
    limit?: number,
  ): Promise<{ id: number; tag_ids: number[] }[]> {
    return this.searchRead('crm.lead', {
      domain: [...domain, ['tag_ids', '!=', false]],
      fields: ['tag_ids'],
      order: 'id asc',
      ...(limit ? { limit } : {}),
    }) as Promise<{ id: number; tag_ids: number[] }[]>;
  }

  private searchRead(
    model: string,
    params: { domain: OdooDomain; fields: string[]; order: string; limit?: number },
  ): Promise<Record<string, unknown>[]> {
    return this.call(model, 'search_read', { ...params, context: { active_test: false } });
  }

  private async fieldsOf(model: string): Promise<Record<string, OdooField>> {
    let fields = this.fields.get(model);
    if (!fields) {
      fields = await this.call<Record<string, OdooField>>(model, 'fields_get', {
        attributes: ['type', 'store'],
      });
      this.fields.set(model, fields);
    }
    return fields;
  }

  /** One ORM method with named arguments; JSON-RPC passes the domain by position (≤ 16 names it `args`). */
  private async call<T>(model: string, method: string, named: Record<string, unknown>): Promise<T> {
    const call = `${model}.${method}`;
    if (this.options.protocol === 'json2') {
      return this.post<T>(call, `/json/2/${model}/${method}`, named, {
        Authorization: `bearer ${this.secret}`,
        'X-Odoo-Database': this.options.database,
      });
    }
    const { domain, ...kwargs } = named;
    const uid = await this.login();
    return this.jsonRpc<T>(call, 'object', 'execute_kw', [
      this.options.database,
      uid,
      this.secret,
      model,
      method,
      domain === undefined ? [] : [domain],
      kwargs,
    ]);
  }

  private async login(): Promise<number> {
    if (this.uid === undefined) {
      const { database, username } = this.options;
      const uid = await this.jsonRpc<number | false>(
        'common.authenticate',
        'common',
        'authenticate',
        [database, username, this.secret, {}],
      );
      // Odoo answers a wrong login or password with uid false, not with an error.
      if (typeof uid !== 'number') {
        throw new OdooApiError(
          `Odoo common.authenticate failed: Access Denied for user "${username}" on database "${database}" (wrong login, password or API key)`,
          'ODOO_ACCESS_DENIED',
        );
      }
      this.uid = uid;
    }
    return this.uid;
  }

  private async jsonRpc<T>(
    call: string,
    service: string,
    method: string,
    args: unknown[],
  ): Promise<T> {
    const answer = await this.post<{ result?: T; error?: OdooFault }>(call, '/jsonrpc', {
      jsonrpc: '2.0',
      method: 'call',
      params: { service, method, args },
      id: ++this.requestId,
    });
    if (answer.error) throw this.redacted(odooFaultError(call, answer.error));
    return answer.result as T;
  }

  /** One HTTP request at a time, whoever asks: a throttled Odoo sees a single client. */
  private post<T>(
    call: string,
    path: string,
    body: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> {
    const send = async (): Promise<T> => {
      let response: Response;
      let text: string;
      try {
        response = await this.fetch(`${this.baseUrl}${path}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...headers },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(this.timeoutMs),
        });
        text = await response.text();
      } catch (error) {
        throw this.redacted(odooNetworkError(call, this.baseUrl, error));
      }
      if (!response.ok) throw this.redacted(odooHttpError(call, response.status, text));
      try {
        return JSON.parse(text) as T;
      } catch {
        throw new OdooApiError(
          `Odoo ${call} failed: the answer is not JSON`,
          'ODOO_ERROR',
          response.status,
        );
      }
    };
    const next = this.queue.then(send, send);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Odoo's messages should never echo a credential; if one does, it goes no further. */
  private redacted(error: OdooApiError): OdooApiError {
    if (error.message.includes(this.secret)) {
      error.message = error.message.split(this.secret).join('[redacted]');
    }
    return error;
  }
}
