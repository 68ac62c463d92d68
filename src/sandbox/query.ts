import { evaluateFilter, parseFilter, QueryError, type FilterNode } from './filter.ts';
import { findField, type Cell, type ResourceDefinition, type Row } from './resources.ts';

/** System query options the sandbox understands; any other `$option` is a 400. */
const KNOWN_OPTIONS = new Set([
  '$filter',
  '$top',
  '$skip',
  '$select',
  '$orderby',
  '$inlinecount',
  '$format',
]);

export interface ODataQuery {
  filter?: FilterNode;
  top?: number;
  skip: number;
  select?: string[];
  orderBy: { field: string; descending: boolean }[];
  inlineCount: boolean;
}

export interface QueryResult {
  rows: Row[];
  /** Rows matching $filter before $skip and $top; set with `$inlinecount=allpages`. */
  count?: number;
  /** Query string of the next page when the server cut the result short. */
  next?: URLSearchParams;
}

function parseCount(name: string, text: string): number {
  if (!/^\d{1,9}$/.test(text)) {
    throw new QueryError(`Invalid value '${text}' for ${name}: expected a non-negative integer.`);
  }
  return Number(text);
}

function parseSelect(text: string, resource: ResourceDefinition): string[] | undefined {
  const names = text.split(',').map((name) => name.trim());
  if (names.includes('*')) {
    return undefined;
  }
  return names.map((name) => {
    const field = findField(resource, name);
    if (field === undefined) {
      throw new QueryError(
        `Could not find a property named '${name}' on type 'Cobra.${resource.name}'.`,
      );
    }
    return field;
  });
}

function parseOrderBy(text: string, resource: ResourceDefinition): ODataQuery['orderBy'] {
  return text.split(',').map((clause) => {
    const [name = '', direction = 'asc', ...rest] = clause.trim().split(/\s+/);
    const field = findField(resource, name);
    if (field === undefined) {
      throw new QueryError(
        `Could not find a property named '${name}' on type 'Cobra.${resource.name}'.`,
      );
    }
    if ((direction !== 'asc' && direction !== 'desc') || rest.length > 0) {
      throw new QueryError(
        `Invalid $orderby clause '${clause.trim()}': expected 'Property [asc|desc]'.`,
      );
    }
    return { field, descending: direction === 'desc' };
  });
}

/** Parses the system query options of a collection request; throws QueryError on bad syntax. */
export function parseQuery(params: URLSearchParams, resource: ResourceDefinition): ODataQuery {
  const seen = new Set<string>();
  for (const name of params.keys()) {
    if (!name.startsWith('$')) {
      continue;
    }
    if (!KNOWN_OPTIONS.has(name)) {
      throw new QueryError(`The query parameter '${name}' is not supported.`);
    }
    if (seen.has(name)) {
      throw new QueryError(
        `Query option '${name}' was specified more than once, but it must be specified at most once.`,
      );
    }
    seen.add(name);
  }

  const query: ODataQuery = { skip: 0, orderBy: [], inlineCount: false };
  const filter = params.get('$filter');
  if (filter !== null) {
    query.filter = parseFilter(filter, resource);
  }
  const top = params.get('$top');
  if (top !== null) {
    query.top = parseCount('$top', top);
  }
  const skip = params.get('$skip');
  if (skip !== null) {
    query.skip = parseCount('$skip', skip);
  }
  const select = params.get('$select');
  if (select !== null) {
    query.select = parseSelect(select, resource);
  }
  const orderBy = params.get('$orderby');
  if (orderBy !== null) {
    query.orderBy = parseOrderBy(orderBy, resource);
  }
  const inlineCount = params.get('$inlinecount');
  if (inlineCount !== null && inlineCount !== 'allpages' && inlineCount !== 'none') {
    throw new QueryError(
      `Invalid value '${inlineCount}' for $inlinecount: expected 'allpages' or 'none'.`,
    );
  }
  query.inlineCount = inlineCount === 'allpages';
  const format = params.get('$format');
  if (format !== null && !/^json$|^application\/json/i.test(format)) {
    throw new QueryError(`The sandbox only returns JSON; $format '${format}' is not supported.`);
  }
  return query;
}

function compareCells(left: Cell, right: Cell): number {
  if (left === right) {
    return 0;
  }
  if (left === null) {
    return -1;
  }
  if (right === null) {
    return 1;
  }
  return left < right ? -1 : 1;
}

function project(row: Row, select: string[] | undefined): Row {
  if (select === undefined) {
    return row;
  }
  return Object.fromEntries(select.map((field) => [field, row[field] ?? null]));
}

/**
 * Applies a parsed query to the rows of one resource, in the order OData
 * defines: filter, count, order, skip, top, then server paging and select.
 */
export function applyQuery(
  rows: readonly Row[],
  query: ODataQuery,
  params: URLSearchParams,
  pageSize: number | undefined,
): QueryResult {
  let matched =
    query.filter === undefined
      ? [...rows]
      : rows.filter((row) => evaluateFilter(query.filter!, row));
  const count = matched.length;

  if (query.orderBy.length > 0) {
    matched.sort((a, b) => {
      for (const { field, descending } of query.orderBy) {
        const order = compareCells(a[field] ?? null, b[field] ?? null);
        if (order !== 0) {
          return descending ? -order : order;
        }
      }
      return 0;
    });
  }

  matched = matched.slice(query.skip);
  const requested = query.top ?? matched.length;
  const take = pageSize === undefined ? requested : Math.min(requested, pageSize);
  const page = matched.slice(0, take);
  const result: QueryResult = { rows: page.map((row) => project(row, query.select)) };
  if (query.inlineCount) {
    result.count = count;
  }

  if (take < requested && take < matched.length) {
    const next = new URLSearchParams(params);
    next.set('$skip', String(query.skip + take));
    if (query.top !== undefined) {
      next.set('$top', String(query.top - take));
    }
    result.next = next;
  }
  return result;
}
