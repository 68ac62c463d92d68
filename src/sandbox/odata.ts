import { hasGrant, type SandboxClient } from './clients.ts';
import type { Dataset } from './data.ts';
import { QueryError } from './filter.ts';
import type { ResolvedOptions } from './options.ts';
import { applyQuery, parseQuery } from './query.ts';
import { odataError, odataReply, type Reply } from './reply.ts';
import { findResource, RESOURCES, type FieldType, type ResourceDefinition } from './resources.ts';

/** An OData request after routing: the entity set and, for `Set(guid'...')`, the key. */
export interface ODataRoute {
  resource: ResourceDefinition;
  key?: string;
}

const EDM_TYPES: Record<FieldType, string> = {
  guid: 'Edm.Guid',
  string: 'Edm.String',
  int: 'Edm.Int32',
  decimal: 'Edm.Decimal',
  datetime: 'Edm.DateTime',
  bool: 'Edm.Boolean',
};

/**
 * Routes the part of the path after `/odata/`: `Person`, `Person(guid'...')`
 * or `Person(...)` with a bare GUID. Returns undefined for an unknown resource
 * and a QueryError for a key that is not a GUID.
 */
export function routeODataPath(segment: string): ODataRoute | QueryError | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    return undefined;
  }
  const match = /^([A-Za-z]+)(?:\((.*)\))?$/.exec(decoded);
  if (match === null) {
    return undefined;
  }
  const resource = findResource(match[1]!);
  if (resource === undefined) {
    return undefined;
  }
  if (match[2] === undefined) {
    return { resource };
  }
  const key = /^(?:guid'([0-9a-f-]{36})'|([0-9a-f-]{36}))$/i.exec(match[2]);
  if (resource.key === undefined || key === null) {
    return new QueryError(
      `The key '${match[2]}' is not valid for '${resource.name}': use guid'...'.`,
    );
  }
  return { resource, key: (key[1] ?? key[2]!).toLowerCase() };
}

export function serviceDocument(baseUrl: string, hiddenResources: readonly string[]): Reply {
  const listed = RESOURCES.filter((resource) => !hiddenResources.includes(resource.name));
  return odataReply(200, {
    'odata.metadata': `${baseUrl}/odata/$metadata`,
    value: listed.map((resource) => ({ name: resource.name, url: resource.name })),
  });
}

/** Builds a CSDL document of the entity sets, enough for tools that read $metadata. */
export function metadataDocument(): Reply {
  const entityTypes = RESOURCES.map((resource) => {
    const key = resource.key ?? Object.keys(resource.fields)[0]!;
    const properties = Object.entries(resource.fields).map(
      ([name, type]) =>
        `<Property Name="${name}" Type="${EDM_TYPES[type]}" Nullable="${name === key ? 'false' : 'true'}"/>`,
    );
    return [
      `<EntityType Name="${resource.name}"><Key><PropertyRef Name="${key}"/></Key>`,
      ...properties,
      '</EntityType>',
    ].join('');
  });
  const entitySets = RESOURCES.map(
    (resource) => `<EntitySet Name="${resource.name}" EntityType="Cobra.${resource.name}"/>`,
  );
  const body = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<edmx:Edmx Version="1.0" xmlns:edmx="http://schemas.microsoft.com/ado/2007/06/edmx">',
    '<edmx:DataServices m:DataServiceVersion="3.0" xmlns:m="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata">',
    '<Schema Namespace="Cobra" xmlns="http://schemas.microsoft.com/ado/2009/11/edm">',
    ...entityTypes,
    '<EntityContainer Name="Container" m:IsDefaultEntityContainer="true">',
    ...entitySets,
    '</EntityContainer></Schema></edmx:DataServices></edmx:Edmx>',
  ].join('\n');
  return {
    status: 200,
    headers: { 'content-type': 'application/xml; charset=utf-8', dataserviceversion: '3.0' },
    body,
  };
}

/** Writes query parameters with `$` kept readable and spaces as %20, as OData clients do. */
function queryString(params: URLSearchParams): string {
  return [...params]
    .map(
      ([name, value]) =>
        `${encodeURIComponent(name).replace(/^%24/, '$')}=${encodeURIComponent(value)}`,
    )
    .join('&');
}

/**
 * Handles a request to an entity set or entity for an authenticated client:
 * the grant check, then the read-only rule, then the query.
 */
export function handleResourceRequest(
  method: string,
  route: ODataRoute,
  params: URLSearchParams,
  client: SandboxClient,
  data: Dataset,
  options: ResolvedOptions,
  baseUrl: string,
): Reply {
  const { resource } = route;
  const checkedMethod = method === 'HEAD' ? 'GET' : method;
  if (!hasGrant(client, resource.name, checkedMethod)) {
    return odataError(
      options.unauthorisedStatus,
      `The API client is not authorised for ${checkedMethod} on ${resource.name}.`,
      options.unauthorisedStatus === 401
        ? { 'www-authenticate': 'Bearer error="insufficient_scope"' }
        : {},
    );
  }
  if (checkedMethod !== 'GET') {
    return odataError(
      405,
      `The sandbox is read-only: ${method} is not supported on ${resource.name}.`,
      {
        allow: 'GET, HEAD',
      },
    );
  }

  const rows = data[resource.name] ?? [];
  const metadata = `${baseUrl}/odata/$metadata#${resource.name}`;
  if (route.key !== undefined) {
    const keyField = resource.key!;
    const row = rows.find((entry) => String(entry[keyField]).toLowerCase() === route.key);
    if (row === undefined) {
      return odataError(404, `No ${resource.name} with key guid'${route.key}' was found.`);
    }
    return odataReply(200, { 'odata.metadata': `${metadata}/@Element`, ...row });
  }

  let result;
  try {
    const query = parseQuery(params, resource);
    result = applyQuery(rows, query, params, options.pageSize);
    const select = query.select === undefined ? '' : `&$select=${query.select.join(',')}`;
    const body: Record<string, unknown> = { 'odata.metadata': `${metadata}${select}` };
    if (result.count !== undefined) {
      // OData v3 JSON writes the count as a string.
      body['odata.count'] = String(result.count);
    }
    body.value = result.rows;
    if (result.next !== undefined) {
      body['odata.nextLink'] = `${baseUrl}/odata/${resource.name}?${queryString(result.next)}`;
    }
    return odataReply(200, body);
  } catch (error) {
    if (error instanceof QueryError) {
      return odataError(400, error.message);
    }
    throw error;
  }
}
