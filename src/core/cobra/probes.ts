import type { Environment } from '../../shared/inputs.ts';
import type { HttpOutcome, HttpResponse } from './http.ts';
import {
  commonStatusFinding,
  isHtml,
  isJson,
  parseJsonObject,
  transportFinding,
  unexpected,
  type Finding,
} from './responses.ts';

/** Resource and field of a company lookup; by default Organization and OrganizationNumber. */
export interface CompanyLookup {
  resource: string;
  numberField: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Builds the cheapest call that proves read access to a resource: one row. */
export function endpointProbeUrl(environment: Environment, resource: string): string {
  return `${environment.odataUrl}${resource}?$top=1`;
}

/**
 * Looks a company up by its number. No $top: when a server ignores the
 * filter, the rows it returns show that instead of hiding the company.
 */
export function companyProbeUrl(
  environment: Environment,
  lookup: CompanyLookup,
  companyNumber: string,
): string {
  // NOTE: assumes OrganizationNumber is a string property in Cobra; if it is
  // numeric, a real OData server answers 400 and the lookup shows that reply.
  const filter = `${lookup.numberField} eq ${stringLiteral(companyNumber)}`;
  return `${environment.odataUrl}${lookup.resource}?$filter=${encodeURIComponent(filter)}`;
}

/** Builds the deep-check call: one row of a resource, filtered to one company. */
export function companyDataProbeUrl(
  environment: Environment,
  resource: string,
  field: string,
  companyId: string,
): string {
  const filter = `${field} eq ${keyLiteral(companyId)}`;
  return `${environment.odataUrl}${resource}?$filter=${encodeURIComponent(filter)}&$top=1`;
}

/** Writes an OData v3 string literal: single quotes, with quotes inside doubled. */
export function stringLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** Writes an OData v3 literal for a key value: guid'...', a number, or a string. */
export function keyLiteral(value: string): string {
  if (GUID.test(value)) {
    return `guid'${value}'`;
  }
  if (/^-?\d{1,15}$/.test(value)) {
    return value;
  }
  return stringLiteral(value);
}

/** Reads a property by name, ignoring case: Cobra mixes `Id`/`ID` and `LastName`/`Lastname`. */
export function property(row: Record<string, unknown>, name: string): unknown {
  if (name in row) {
    return row[name];
  }
  const lower = name.toLowerCase();
  const key = Object.keys(row).find((candidate) => candidate.toLowerCase() === lower);
  return key === undefined ? undefined : row[key];
}

/** Reads the rows of an OData collection reply, or the finding that explains why there are none. */
export function readRows(
  outcome: HttpOutcome,
  resource: string,
  host: string,
): { rows: Record<string, unknown>[]; finding: Finding } | { rows: undefined; finding: Finding } {
  if (outcome.kind !== 'response') {
    return { rows: undefined, finding: transportFinding(outcome, host) };
  }
  const failed = statusFinding(outcome, resource, host);
  if (failed !== undefined) {
    return { rows: undefined, finding: failed };
  }
  if (isHtml(outcome)) {
    return {
      rows: undefined,
      finding: unexpected(outcome, 'html', 'unexpected-response', { resource }),
    };
  }
  const json = parseJsonObject(outcome.body);
  if (json === undefined) {
    // A cut-off body from a server that ignored $top still proves read access,
    // but has no rows to read.
    if (outcome.truncated && isJson(outcome)) {
      return { rows: undefined, finding: ok(outcome) };
    }
    return {
      rows: undefined,
      finding: unexpected(outcome, 'invalid-json', 'unexpected-response', { resource }),
    };
  }
  const value = property(json, 'value');
  if (!Array.isArray(value)) {
    return {
      rows: undefined,
      finding: unexpected(outcome, 'not-odata', 'unexpected-response', { resource }),
    };
  }
  const rows = value.filter(
    (row): row is Record<string, unknown> => row !== null && typeof row === 'object',
  );
  return { rows, finding: ok(outcome) };
}

function ok(response: HttpResponse): Finding {
  return { diagnosis: 'ok', httpStatus: response.status, params: {} };
}

function statusFinding(
  response: HttpResponse,
  resource: string,
  host: string,
): Finding | undefined {
  const common = commonStatusFinding(response, host);
  if (common !== undefined) {
    return { ...common, params: { ...common.params, resource } };
  }
  const status = response.status;
  if (status === 401 || status === 403) {
    return {
      diagnosis: 'endpoint-not-authorised',
      httpStatus: status,
      params: { resource, status },
    };
  }
  if (status === 404) {
    return unexpected(response, 'status', 'endpoint-unknown', { resource });
  }
  if (status !== 200) {
    return unexpected(response, 'status', 'unexpected-response', {
      resource,
      odataMessage: odataErrorMessage(response.body) ?? '-',
    });
  }
  return undefined;
}

/** The message of an OData v3 error body, `{"odata.error":{"message":{"value":...}}}`. */
export function odataErrorMessage(body: string): string | undefined {
  const json = parseJsonObject(body);
  const error = json === undefined ? undefined : property(json, 'odata.error');
  if (error === null || typeof error !== 'object') {
    return undefined;
  }
  const messageField = property(error as Record<string, unknown>, 'message');
  const text =
    messageField !== null && typeof messageField === 'object'
      ? property(messageField as Record<string, unknown>, 'value')
      : messageField;
  return typeof text === 'string' ? text.slice(0, 200) : undefined;
}

/** Interprets the reply to an endpoint probe. */
export function processEndpointResponse(
  outcome: HttpOutcome,
  resource: string,
  host: string,
): Finding {
  const { finding } = readRows(outcome, resource, host);
  return finding.diagnosis === 'ok'
    ? finding
    : { ...finding, params: { ...finding.params, resource } };
}

/**
 * Interprets the reply to a company lookup. Found means a row whose number
 * field equals the number; the row's id is returned for the deep check.
 */
export function processCompanyResponse(
  outcome: HttpOutcome,
  lookup: CompanyLookup,
  companyNumber: string,
  host: string,
): Finding & { companyId?: string } {
  const { rows, finding } = readRows(outcome, lookup.resource, host);
  const params = { company: companyNumber, resource: lookup.resource, field: lookup.numberField };
  if (rows === undefined && finding.diagnosis === 'ok') {
    return unexpected(outcome as HttpResponse, 'too-large', 'unexpected-response', params);
  }
  if (rows === undefined) {
    return { ...finding, params: { ...finding.params, ...params } };
  }
  const match = rows.find((row) => sameNumber(property(row, lookup.numberField), companyNumber));
  if (match !== undefined) {
    const id = property(match, 'Id');
    const name = property(match, 'Name');
    return {
      ...finding,
      params: { ...params, ...(typeof name === 'string' ? { name } : {}) },
      ...(typeof id === 'string' || typeof id === 'number' ? { companyId: String(id) } : {}),
    };
  }
  if (rows.length === 0) {
    return { diagnosis: 'company-not-found', httpStatus: finding.httpStatus, params };
  }
  // Rows came back but none has the number: the server ignored the filter.
  const response = outcome as HttpResponse;
  return unexpected(response, 'filter-ignored', 'unexpected-response', params);
}

function sameNumber(value: unknown, companyNumber: string): boolean {
  if (typeof value === 'number') {
    return /^\d+$/.test(companyNumber) && value === Number(companyNumber);
  }
  if (typeof value !== 'string') {
    return false;
  }
  const trimmed = value.trim();
  if (trimmed === companyNumber) {
    return true;
  }
  // "00123" typed for 123 stored, or the other way round.
  return /^\d+$/.test(trimmed) && trimmed.replace(/^0+/, '') === companyNumber.replace(/^0+/, '');
}

/**
 * Interprets a deep-check reply: one row of a resource filtered to a company.
 * No rows from the employment resource means the company has no employees.
 */
export function processCompanyDataResponse(
  outcome: HttpOutcome,
  resource: string,
  companyNumber: string,
  employment: boolean,
  host: string,
): Finding {
  const { rows, finding } = readRows(outcome, resource, host);
  const params = { resource, company: companyNumber };
  if (rows === undefined) {
    return { ...finding, params: { ...finding.params, ...params } };
  }
  if (rows.length === 0 && employment) {
    return { diagnosis: 'company-without-employees', httpStatus: finding.httpStatus, params };
  }
  return { ...finding, params: { ...params, rows: rows.length } };
}
