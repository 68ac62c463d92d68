import { describe, expect, it } from 'vitest';
import {
  companyDataProbeUrl,
  companyProbeUrl,
  endpointProbeUrl,
  keyLiteral,
  processCompanyDataResponse,
  processCompanyResponse,
  processEndpointResponse,
} from '../../../src/core/cobra/probes.ts';
import { normaliseEnvironmentUrl, type Environment } from '../../../src/shared/inputs.ts';
import { canned, IIS_404_PAGE } from '../../support/canned.ts';

const HOST = 'apitest.cobra.sdworx.com';
const checked = normaliseEnvironmentUrl(`https://${HOST}`);
const ENVIRONMENT = (checked.ok ? checked.value : undefined) as Environment;
const LOOKUP = { resource: 'Organization', numberField: 'OrganizationNumber' };
const ORG_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

describe('probe URLs', () => {
  it('asks one row of an endpoint', () => {
    expect(endpointProbeUrl(ENVIRONMENT, 'Person')).toBe(`https://${HOST}/odata/Person?$top=1`);
  });

  it('filters the company lookup by number as a string literal', () => {
    const url = new URL(companyProbeUrl(ENVIRONMENT, LOOKUP, '40100'));
    expect(url.pathname).toBe('/odata/Organization');
    expect(url.searchParams.get('$filter')).toBe("OrganizationNumber eq '40100'");
  });

  it('filters the deep check by the company id as a guid literal', () => {
    const url = new URL(
      companyDataProbeUrl(ENVIRONMENT, 'CurrentEmployment', 'OrganizationId', ORG_ID),
    );
    expect(url.searchParams.get('$filter')).toBe(`OrganizationId eq guid'${ORG_ID}'`);
    expect(url.searchParams.get('$top')).toBe('1');
  });

  it.each([
    [ORG_ID, `guid'${ORG_ID}'`],
    ['42', '42'],
    ["O'Neil", "'O''Neil'"],
  ])('writes key %j as %s', (value, literal) => {
    expect(keyLiteral(value)).toBe(literal);
  });
});

describe('processEndpointResponse', () => {
  it('accepts an OData collection', () => {
    const finding = processEndpointResponse(canned(200, { value: [{ Id: 1 }] }), 'Person', HOST);
    expect(finding.diagnosis).toBe('ok');
  });

  it('accepts an empty collection', () => {
    expect(processEndpointResponse(canned(200, { value: [] }), 'Person', HOST).diagnosis).toBe(
      'ok',
    );
  });

  it('accepts a paged reply without following its nextLink', () => {
    const paged = { value: [{ Id: 1 }], 'odata.nextLink': `https://${HOST}/odata/Person?$skip=1` };
    expect(processEndpointResponse(canned(200, paged), 'Person', HOST).diagnosis).toBe('ok');
  });

  it.each([401, 403])('maps HTTP %i to endpoint-not-authorised naming the resource', (status) => {
    const finding = processEndpointResponse(
      canned(status, { 'odata.error': { message: { value: 'Denied' } } }),
      'SalaryEmployment',
      HOST,
    );
    expect(finding).toMatchObject({
      diagnosis: 'endpoint-not-authorised',
      httpStatus: status,
      params: { resource: 'SalaryEmployment' },
    });
  });

  it('maps 404 to endpoint-unknown', () => {
    const finding = processEndpointResponse(
      canned(404, IIS_404_PAGE, { contentType: 'text/html' }),
      'Foo',
      HOST,
    );
    expect(finding.diagnosis).toBe('endpoint-unknown');
  });

  it('recognises a proxy page served with status 200', () => {
    const finding = processEndpointResponse(
      canned(200, '<html><body>Access denied by policy</body></html>', {
        contentType: 'text/html',
      }),
      'Person',
      HOST,
    );
    expect(finding).toMatchObject({
      diagnosis: 'unexpected-response',
      params: { context: 'html', status: 200, contentType: 'text/html' },
    });
    expect(finding.detail).toContain('Access denied by policy');
  });

  it('recognises an HTML page sent without a content type', () => {
    const finding = processEndpointResponse(
      canned(200, '<!DOCTYPE html><html></html>', { contentType: '' }),
      'Person',
      HOST,
    );
    expect(finding.params['context']).toBe('html');
  });

  it('recognises truncated JSON', () => {
    const finding = processEndpointResponse(
      canned(200, '{"value":[{"Id":', { contentType: 'application/json' }),
      'Person',
      HOST,
    );
    expect(finding.params['context']).toBe('invalid-json');
  });

  it('recognises JSON that is not a collection', () => {
    const finding = processEndpointResponse(canned(200, { hello: 'world' }), 'Person', HOST);
    expect(finding.params['context']).toBe('not-odata');
  });

  it('shows the OData message of an unexpected status', () => {
    const finding = processEndpointResponse(
      canned(400, { 'odata.error': { message: { value: 'Bad filter' } } }),
      'Person',
      HOST,
    );
    expect(finding.params['odataMessage']).toBe('Bad filter');
  });
});

describe('processCompanyResponse', () => {
  it('finds the company and returns its id, comparing property names case-insensitively', () => {
    const reply = { value: [{ ID: ORG_ID, organizationnumber: '40100', Name: 'Bakkerij' }] };
    const finding = processCompanyResponse(canned(200, reply), LOOKUP, '40100', HOST);
    expect(finding.diagnosis).toBe('ok');
    expect(finding.companyId).toBe(ORG_ID);
    expect(finding.params['name']).toBe('Bakkerij');
  });

  it('matches a numeric company number', () => {
    const reply = { value: [{ Id: ORG_ID, OrganizationNumber: 40100 }] };
    expect(processCompanyResponse(canned(200, reply), LOOKUP, '40100', HOST).diagnosis).toBe('ok');
  });

  it('reports an empty result as company-not-found naming the number', () => {
    const finding = processCompanyResponse(canned(200, { value: [] }), LOOKUP, '99999', HOST);
    expect(finding).toMatchObject({ diagnosis: 'company-not-found', params: { company: '99999' } });
  });

  it('notices a server that ignored the filter', () => {
    const reply = { value: [{ Id: ORG_ID, OrganizationNumber: '1' }], 'odata.nextLink': 'x' };
    const finding = processCompanyResponse(canned(200, reply), LOOKUP, '40100', HOST);
    expect(finding.params['context']).toBe('filter-ignored');
  });

  it('reports a missing grant on Organization as not authorised', () => {
    const finding = processCompanyResponse(canned(403, {}), LOOKUP, '40100', HOST);
    expect(finding).toMatchObject({
      diagnosis: 'endpoint-not-authorised',
      params: { resource: 'Organization', company: '40100' },
    });
  });
});

describe('processCompanyDataResponse', () => {
  it('reports no employment rows as company-without-employees', () => {
    const finding = processCompanyDataResponse(
      canned(200, { value: [] }),
      'CurrentEmployment',
      '40900',
      true,
      HOST,
    );
    expect(finding.diagnosis).toBe('company-without-employees');
  });

  it('accepts no rows from a resource that does not count employees', () => {
    const finding = processCompanyDataResponse(
      canned(200, { value: [] }),
      'EmploymentHistory',
      '40900',
      false,
      HOST,
    );
    expect(finding).toMatchObject({ diagnosis: 'ok', params: { rows: 0 } });
  });
});
