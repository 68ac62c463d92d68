import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_CLIENTS,
  DEMO_COMPANY_NUMBERS,
  OPEN_END_DATE,
  RESOURCES,
  startSandbox,
  type Sandbox,
} from '../../../src/sandbox/index.ts';
import { getOData, tokenFor, type ODataCollection, type ODataError } from './support.ts';

let sandbox: Sandbox;
let token: string;

beforeAll(async () => {
  sandbox = await startSandbox();
  token = await tokenFor(sandbox.baseUrl, DEMO_CLIENTS.full);
});
afterAll(() => sandbox.close());
afterEach(() => sandbox.setOptions({ pageSize: undefined, unauthorisedStatus: 403 }));

async function collection(path: string, bearer = token): Promise<ODataCollection> {
  const response = await getOData(sandbox.baseUrl, path, bearer);
  if (response.status !== 200) {
    throw new Error(`GET ${path} returned ${response.status}: ${await response.text()}`);
  }
  return (await response.json()) as ODataCollection;
}

async function errorOf(path: string, bearer = token): Promise<{ status: number; message: string }> {
  const response = await getOData(sandbox.baseUrl, path, bearer);
  const body = (await response.json()) as ODataError;
  return { status: response.status, message: body['odata.error'].message.value };
}

describe('OData resources', () => {
  it('lists every resource in the service document', async () => {
    const body = await collection('/odata/');
    expect(body['odata.metadata']).toBe(`${sandbox.baseUrl}/odata/$metadata`);
    expect(body.value.map((entry) => entry.name)).toEqual(
      RESOURCES.map((resource) => resource.name),
    );
  });

  it('serves $metadata as CSDL', async () => {
    const response = await getOData(sandbox.baseUrl, '/odata/$metadata', token);
    const text = await response.text();
    expect(response.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(text).toContain('<EntitySet Name="CalculatedSalaryComponent"');
  });

  it('returns rows in value with odata.metadata', async () => {
    const body = await collection('/odata/Organization');
    expect(body['odata.metadata']).toBe(`${sandbox.baseUrl}/odata/$metadata#Organization`);
    expect(body.value.map((row) => row.OrganizationNumber)).toEqual([
      ...DEMO_COMPANY_NUMBERS.withEmployees,
      ...DEMO_COMPANY_NUMBERS.withoutEmployees,
    ]);
  });

  it('answers with the OData v3 headers', async () => {
    const response = await getOData(sandbox.baseUrl, '/odata/Person?$top=1', token);
    expect(response.headers.get('dataserviceversion')).toBe('3.0');
    expect(response.headers.get('content-type')).toMatch(
      /^application\/json; odata=minimalmetadata/,
    );
  });

  it('keeps the inconsistent property casing', async () => {
    const reader = { id: 'phone-reader', secret: 'phone-secret', displayName: 'Phone' };
    sandbox.setOptions({
      clients: [...Object.values(DEMO_CLIENTS), { ...reader, grants: { Phone: ['GET'] } }],
    });
    try {
      const [fn] = (await collection('/odata/Function?$top=1')).value;
      const bearer = await tokenFor(sandbox.baseUrl, reader);
      const [phone] = (await collection('/odata/Phone?$top=1', bearer)).value;
      expect(Object.keys(fn!)).toContain('ID');
      expect(Object.keys(phone!)).toContain('PersonID');
    } finally {
      sandbox.setOptions({ clients: Object.values(DEMO_CLIENTS) });
    }
  });

  it('gives one organisation no employees', async () => {
    const [empty] = (
      await collection(
        `/odata/Organization?$filter=OrganizationNumber eq '${DEMO_COMPANY_NUMBERS.withoutEmployees[0]}'`,
      )
    ).value;
    const employments = await collection(
      `/odata/CurrentEmployment?$filter=OrganizationId eq guid'${String(empty!.Id)}'`,
    );
    expect(employments.value).toHaveLength(0);
  });

  it('ends open employment episodes on 2100-01-01', async () => {
    const history = (await collection('/odata/EmploymentHistory')).value;
    const current = (await collection('/odata/CurrentEmployment')).value;
    expect(current.length).toBeGreaterThan(0);
    expect(current.every((row) => row.EpisodeEndDate === OPEN_END_DATE)).toBe(true);
    expect(history.length).toBeGreaterThanOrEqual(current.length);
  });

  it('finds an entity by guid key', async () => {
    const [person] = (await collection('/odata/Person?$top=1')).value;
    const response = await getOData(
      sandbox.baseUrl,
      `/odata/Person(guid'${String(person!.Id)}')`,
      token,
    );
    const body = (await response.json()) as Record<string, unknown>;

    expect(response.status).toBe(200);
    expect(body.Id).toBe(person!.Id);
    expect(body['odata.metadata']).toMatch(/#Person\/@Element$/);
  });

  it('answers 404 for a key that does not exist', async () => {
    const error = await errorOf("/odata/Person(guid'00000000-0000-4000-8000-000000000000')");
    expect(error.status).toBe(404);
  });

  it('answers 400 for a key that is not a GUID', async () => {
    expect((await errorOf("/odata/Person('abc')")).status).toBe(400);
  });

  it('answers 404 with odata.error for an unknown resource', async () => {
    const error = await errorOf('/odata/Payslip');
    expect(error.status).toBe(404);
    expect(error.message).toMatch(/No HTTP resource/);
  });

  it('matches resource names case-sensitively', async () => {
    expect((await errorOf('/odata/person')).status).toBe(404);
  });

  it('answers 405 for a write the client is granted', async () => {
    sandbox.setOptions({
      clients: [
        { ...DEMO_CLIENTS.full, grants: { ...DEMO_CLIENTS.full.grants, Person: ['GET', 'POST'] } },
      ],
    });
    try {
      const bearer = await tokenFor(sandbox.baseUrl, DEMO_CLIENTS.full);
      const response = await getOData(sandbox.baseUrl, '/odata/Person', bearer, {
        method: 'POST',
        body: '{}',
      });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('GET, HEAD');
    } finally {
      sandbox.setOptions({ clients: Object.values(DEMO_CLIENTS) });
    }
  });
});

describe('authorisation', () => {
  it('answers 401 without a bearer token', async () => {
    const response = await fetch(`${sandbox.baseUrl}/odata/Person`);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(((await response.json()) as ODataError)['odata.error'].message.value).toMatch(/denied/);
  });

  it('answers 401 for an unknown token', async () => {
    expect((await errorOf('/odata/Person', 'not-a-token')).status).toBe(401);
  });

  it('answers 403 for a resource without GET grant', async () => {
    const partial = await tokenFor(sandbox.baseUrl, DEMO_CLIENTS.partial);
    const error = await errorOf('/odata/EmploymentHistory', partial);
    expect(error.status).toBe(403);
    expect(error.message).toBe('The API client is not authorised for GET on EmploymentHistory.');
  });

  it('answers 401 for a missing grant when switched', async () => {
    sandbox.setOptions({ unauthorisedStatus: 401 });
    const partial = await tokenFor(sandbox.baseUrl, DEMO_CLIENTS.partial);
    const error = await errorOf('/odata/CalculatedSalaryComponent', partial);
    expect(error.status).toBe(401);
  });

  it('lets the partial client read what it is granted', async () => {
    const partial = await tokenFor(sandbox.baseUrl, DEMO_CLIENTS.partial);
    expect((await collection('/odata/Person?$top=1', partial)).value).toHaveLength(1);
  });

  it.each(['Customer', 'Email', 'PersonOrganization'])(
    'grants %s to the full client',
    async (name) => {
      expect((await collection(`/odata/${name}?$top=1`)).value).toHaveLength(1);
    },
  );

  it('denies Phone and Address to the full client', async () => {
    expect((await errorOf('/odata/Phone')).status).toBe(403);
    expect((await errorOf('/odata/Address')).status).toBe(403);
  });
});

describe('query options', () => {
  it('applies $top and $skip', async () => {
    const all = (await collection('/odata/Person')).value;
    const page = (await collection('/odata/Person?$skip=2&$top=3')).value;
    expect(page).toEqual(all.slice(2, 5));
  });

  it('applies $select case-insensitively in declared casing', async () => {
    const body = await collection('/odata/Person?$top=2&$select=id,lastname');
    expect(body.value.every((row) => Object.keys(row).join() === 'Id,LastName')).toBe(true);
    expect(body['odata.metadata']).toMatch(/#Person&\$select=Id,LastName$/);
  });

  it('counts all matching rows with $inlinecount=allpages', async () => {
    const all = (await collection('/odata/Person')).value;
    const body = await collection('/odata/Person?$top=1&$inlinecount=allpages');
    expect(body['odata.count']).toBe(String(all.length));
    expect(body.value).toHaveLength(1);
  });

  it('orders with $orderby', async () => {
    const rows = (await collection('/odata/Person?$orderby=PersonNumber desc')).value;
    const numbers = rows.map((row) => String(row.PersonNumber));
    expect(numbers).toEqual([...numbers].sort().reverse());
  });

  it.each([
    ['$top=-1', /\$top/],
    ['$top=abc', /\$top/],
    ['$skip=1.5', /\$skip/],
    ['$select=Id,Salary', /Salary/],
    ['$orderby=Id sideways', /orderby/],
    ['$inlinecount=some', /inlinecount/],
    ['$expand=Employments', /\$expand/],
    ['$format=xml', /format/],
    ['$top=1&$top=2', /more than once/],
  ])('rejects %s with 400', async (query, message) => {
    const error = await errorOf(`/odata/Person?${query}`);
    expect(error.status).toBe(400);
    expect(error.message).toMatch(message);
  });
});

describe('$filter', () => {
  async function count(resource: string, filter: string): Promise<number> {
    const path = `/odata/${resource}?$filter=${encodeURIComponent(filter)}`;
    return (await collection(path)).value.length;
  }

  it('compares strings with eq and ne', async () => {
    const all = (await collection('/odata/Organization')).value.length;
    expect(await count('Organization', "OrganizationNumber eq '40100'")).toBe(1);
    expect(await count('Organization', "OrganizationNumber ne '40100'")).toBe(all - 1);
  });

  it('reads property names case-insensitively', async () => {
    expect(await count('Organization', "organizationnumber eq '40200'")).toBe(1);
  });

  it('matches guid literals case-insensitively', async () => {
    const [organization] = (await collection('/odata/Organization?$top=1')).value;
    const id = String(organization!.Id).toUpperCase();
    expect(await count('Organization', `Id eq guid'${id}'`)).toBe(1);
  });

  it('combines and, or and parentheses', async () => {
    const rows = (await collection('/odata/CurrentEmployment')).value;
    const expected = rows.filter(
      (row) => (row.Scale === '5' || row.Scale === '6') && Number(row.Step) >= 2,
    ).length;
    expect(await count('CurrentEmployment', "(Scale eq '5' or Scale eq '6') and Step ge 2")).toBe(
      expected,
    );
  });

  it('compares dates with datetime and datetimeoffset literals', async () => {
    const open = await count(
      'EmploymentHistory',
      "EpisodeEndDate eq datetime'2100-01-01T00:00:00'",
    );
    const openOffset = await count(
      'EmploymentHistory',
      "EpisodeEndDate ge datetimeoffset'2099-12-31T00:00:00Z'",
    );
    const closed = await count(
      'EmploymentHistory',
      "EpisodeEndDate le datetimeoffset'2030-01-01T00:00:00+01:00'",
    );
    const all = (await collection('/odata/EmploymentHistory')).value.length;

    expect(open).toBe(openOffset);
    expect(open + closed).toBe(all);
  });

  it('matches null with eq null and ne null', async () => {
    const all = (await collection('/odata/Person')).value;
    const withoutPrefix = all.filter((row) => row.Prefixes === null).length;
    expect(await count('Person', 'Prefixes eq null')).toBe(withoutPrefix);
    expect(await count('Person', 'Prefixes ne null')).toBe(all.length - withoutPrefix);
  });

  it('compares decimal numbers', async () => {
    const rows = (await collection('/odata/CurrentEmployment')).value;
    const expected = rows.filter((row) => Number(row.VariantSalary) >= 3000.5).length;
    expect(await count('CurrentEmployment', 'VariantSalary ge 3000.5')).toBe(expected);
  });

  it('negates with not', async () => {
    const all = (await collection('/odata/Organization')).value.length;
    expect(await count('Organization', "not (OrganizationNumber eq '40100')")).toBe(all - 1);
  });

  it('reads a doubled quote in a string literal', async () => {
    expect(await count('Organization', "Name eq 'O''Brien'")).toBe(0);
  });

  it.each([
    ['OrganizationNumber eq 40100', /incompatible types/],
    ["Id eq '5a7d0c1e-0001-4c0b-9a5d-000000000001'", /incompatible types/],
    ["Nonexistent eq 'x'", /Could not find a property named 'Nonexistent'/],
    ["Id eq guid'not-a-guid'", /Edm.Guid/],
    ["Name eq datetime'2020-13-45'", /Edm.DateTime/],
    ["Name eq datetimeoffset'2020-01-01T00:00:00'", /Edm.DateTimeOffset/],
    ["Name eq 'unterminated", /unterminated/],
    ["(Name eq 'a'", /'\)'/],
    ["Name eq 'a' and", /Expression expected/],
    ['Name', /Boolean/],
    ["Name EQ 'a'", /Syntax error/],
    ["substringof('a', Name)", /Unknown function/],
    ["Name eq 'a' # 1", /character '#'/],
    ['', /empty/],
    [`${'('.repeat(150)}Name eq 'a'${')'.repeat(150)}`, /nested more than 100/],
    [`${'not '.repeat(150)}(Name eq 'a')`, /nested more than 100/],
  ])('rejects %s with 400', async (filter, message) => {
    const error = await errorOf(`/odata/Organization?$filter=${encodeURIComponent(filter)}`);
    expect(error.status).toBe(400);
    expect(error.message).toMatch(message);
  });
});

describe('server paging', () => {
  it('returns every row in one page by default', async () => {
    const body = await collection('/odata/Person');
    expect(body['odata.nextLink']).toBeUndefined();
    expect(body.value.length).toBe(25);
  });

  it('follows odata.nextLink to the last page', async () => {
    sandbox.setOptions({ pageSize: 10 });
    const pages: number[] = [];
    let next: string | undefined = `${sandbox.baseUrl}/odata/Person?$select=Id`;
    const ids = new Set<unknown>();
    while (next !== undefined && pages.length < 10) {
      const response = await fetch(next, { headers: { authorization: `Bearer ${token}` } });
      const body = (await response.json()) as ODataCollection;
      pages.push(body.value.length);
      body.value.forEach((row) => ids.add(row.Id));
      next = body['odata.nextLink'];
    }
    expect(pages).toEqual([10, 10, 5]);
    expect(ids.size).toBe(25);
  });

  it('honours $top across pages', async () => {
    sandbox.setOptions({ pageSize: 10 });
    const first = await collection('/odata/Person?$top=12');
    expect(first.value).toHaveLength(10);
    expect(first['odata.nextLink']).toBe(`${sandbox.baseUrl}/odata/Person?$top=2&$skip=10`);
  });

  it('keeps $filter in the nextLink', async () => {
    sandbox.setOptions({ pageSize: 1 });
    const body = await collection(
      `/odata/Organization?$filter=${encodeURIComponent("Name ne 'x'")}`,
    );
    expect(body['odata.nextLink']).toContain("$filter=Name%20ne%20'x'");
  });
});

describe('variants and edge cases', () => {
  it('requires a token for the service document', async () => {
    expect((await fetch(`${sandbox.baseUrl}/odata/`)).status).toBe(401);
  });

  it('answers HEAD on a resource without a body', async () => {
    const response = await getOData(sandbox.baseUrl, '/odata/Person', token, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('reads a percent-encoded key', async () => {
    const [person] = (await collection('/odata/Person?$top=1')).value;
    const path = `/odata/Person%28guid%27${String(person!.Id)}%27%29`;
    expect((await getOData(sandbox.baseUrl, path, token)).status).toBe(200);
  });

  it('reads a bare GUID key', async () => {
    const [organization] = (await collection('/odata/Organization?$top=1')).value;
    const path = `/odata/Organization(${String(organization!.Id)})`;
    expect((await getOData(sandbox.baseUrl, path, token)).status).toBe(200);
  });

  it('hides resources as an older Cobra version would', async () => {
    sandbox.setOptions({ hiddenResources: ['CalculatedSalaryComponent'] });
    try {
      const error = await errorOf('/odata/CalculatedSalaryComponent');
      const names = (await collection('/odata/')).value.map((entry) => entry.name);
      expect(error.status).toBe(404);
      expect(names).not.toContain('CalculatedSalaryComponent');
      expect(names).toContain('Person');
    } finally {
      sandbox.setOptions({ hiddenResources: [] });
    }
  });
});

describe('synthetic data', () => {
  it('gives every employee components for each period', async () => {
    const people = (await collection('/odata/CurrentEmployment')).value;
    const components = (await collection('/odata/CalculatedSalaryComponent')).value;
    const periods = new Set(components.map((row) => `${String(row.Year)}-${String(row.Period)}`));

    expect(periods.size).toBe(3);
    for (const person of people) {
      const own = components.filter((row) => row.PersonId === person.PersonId);
      expect(own).toHaveLength(periods.size * 4);
    }
  });

  it('uses reserved .example mail domains only', async () => {
    const rows = (await collection('/odata/Email')).value;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => String(row.EmailAddress).endsWith('.example'))).toBe(true);
  });

  it('links every employment to a known person and organisation', async () => {
    const people = new Set((await collection('/odata/Person')).value.map((row) => row.Id));
    const organisations = new Set(
      (await collection('/odata/Organization')).value.map((row) => row.Id),
    );
    const history = (await collection('/odata/EmploymentHistory')).value;

    expect(history.every((row) => people.has(row.PersonId))).toBe(true);
    expect(history.every((row) => organisations.has(row.OrganizationId))).toBe(true);
  });

  it('sizes the data with employeeCount', async () => {
    const large = await startSandbox({ employeeCount: 200 });
    try {
      const bearer = await tokenFor(large.baseUrl, DEMO_CLIENTS.full);
      const response = await getOData(
        large.baseUrl,
        '/odata/Person?$top=0&$inlinecount=allpages',
        bearer,
      );
      expect(((await response.json()) as ODataCollection)['odata.count']).toBe('200');
    } finally {
      await large.close();
    }
  });
});
