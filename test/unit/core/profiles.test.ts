import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/core/log/logger.ts';
import { BUILT_IN_PROFILES, findBuiltInProfile } from '../../../src/core/profiles/builtin.ts';
import { profileJsonSchemaText } from '../../../src/core/profiles/json-schema.ts';
import { ProfileLibrary, readProfileFile } from '../../../src/core/profiles/library.ts';
import { parseProfile, parseProfileText } from '../../../src/core/profiles/parse.ts';
import { AppFailure } from '../../../src/shared/result.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const xpertsuite = JSON.parse(
  readFileSync(join(root, 'profiles', 'xpertsuite-loongegevens.json'), 'utf8'),
) as Record<string, unknown>;

function failureOf(action: () => unknown): AppFailure {
  try {
    action();
  } catch (error) {
    if (error instanceof AppFailure) {
      return error;
    }
    throw error;
  }
  throw new Error('expected an AppFailure');
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'koppelhulp-profiles-'));
}

describe('built-in profiles', () => {
  it('ships XpertSuite and Learned', () => {
    expect(BUILT_IN_PROFILES.map((profile) => profile.id)).toEqual([
      'xpertsuite-loongegevens',
      'learned',
    ]);
  });

  it('marks the XpertSuite endpoints as to be confirmed with NN', () => {
    const profile = findBuiltInProfile('xpertsuite-loongegevens')!;
    expect(profile.endpointsConfirmed).toBe(false);
    expect(profile.recipient.email).toBe('spa.inkomen@nn.nl');
    expect(profile.note?.nl).toContain('spa.inkomen@nn.nl');
    expect(profile.endpoints.map((endpoint) => endpoint.resource)).toEqual([
      'Person',
      'Organization',
      'CurrentEmployment',
      'EmploymentHistory',
      'SalaryEmployment',
      'CalculatedSalaryComponent',
      'Department',
      'Function',
    ]);
  });

  it('flags the salary endpoints of XpertSuite', () => {
    const profile = findBuiltInProfile('xpertsuite-loongegevens')!;
    const salary = profile.endpoints.filter((endpoint) => endpoint.salaryData);
    expect(salary.map((endpoint) => endpoint.resource)).toEqual([
      'CurrentEmployment',
      'EmploymentHistory',
      'SalaryEmployment',
      'CalculatedSalaryComponent',
    ]);
  });

  it('lists the Learned endpoints', () => {
    const profile = findBuiltInProfile('learned')!;
    expect(profile.endpoints.map((endpoint) => endpoint.resource)).toEqual([
      'Customer',
      'Department',
      'Email',
      'Function',
      'Person',
      'PersonOrganization',
    ]);
  });

  it('matches profiles/profile.schema.json; run "npm run profile-schema" after a change', () => {
    const stored = readFileSync(join(root, 'profiles', 'profile.schema.json'), 'utf8');
    expect(stored).toBe(profileJsonSchemaText());
  });
});

describe('parseProfile', () => {
  it('rejects a future formatVersion naming the field', () => {
    const failure = failureOf(() => parseProfile({ ...xpertsuite, formatVersion: 2 }, 'x.json'));
    expect(failure.code).toBe('profiles.future-version');
    expect(failure.field).toBe('formatVersion');
    expect(failure.params).toMatchObject({ found: 2, supported: 1 });
  });

  it.each([
    [{ formatVersion: 0 }, 'formatVersion'],
    [{ id: 'Has Spaces' }, 'id'],
    [{ recipient: { name: 'NN', email: 'not-an-address' } }, 'recipient.email'],
    [{ endpoints: [] }, 'endpoints'],
    [{ extra: true }, 'extra'],
  ])('rejects %j naming %s', (patch, field) => {
    const failure = failureOf(() => parseProfile({ ...xpertsuite, ...patch }, 'x.json'));
    expect(failure.code).toBe('profiles.invalid');
    expect(failure.field).toBe(field);
  });

  it('names the wrong field inside an endpoint', () => {
    const endpoints = structuredClone(xpertsuite['endpoints']) as Record<string, unknown>[];
    endpoints[2]!['method'] = 'POST';
    const failure = failureOf(() => parseProfile({ ...xpertsuite, endpoints }, 'x.json'));
    expect(failure.field).toBe('endpoints.2.method');
  });

  it('rejects a duplicate endpoint', () => {
    const endpoints = structuredClone(xpertsuite['endpoints']) as Record<string, unknown>[];
    endpoints.push({ ...endpoints[0]!, resource: 'person' });
    const failure = failureOf(() => parseProfile({ ...xpertsuite, endpoints }, 'x.json'));
    expect(failure.field).toBe('endpoints.8.resource');
  });

  it('rejects text that is not JSON', () => {
    const failure = failureOf(() => parseProfileText('{ nope', 'x.json'));
    expect(failure.code).toBe('profiles.not-json');
  });
});

describe('ProfileLibrary', () => {
  it('imports a valid profile and lists it after the built-ins', () => {
    const directory = tempDir();
    const file = join(directory, 'source.json');
    writeFileSync(file, JSON.stringify({ ...xpertsuite, id: 'acme-payroll' }));
    const library = new ProfileLibrary(join(directory, 'store'), silentLogger);

    const entry = library.import(file);

    expect(entry.origin).toBe('imported');
    expect(library.list().map((item) => `${item.origin}:${item.profile.id}`)).toEqual([
      'built-in:xpertsuite-loongegevens',
      'built-in:learned',
      'imported:acme-payroll',
    ]);
    expect(library.find('acme-payroll')?.profile.recipient.email).toBe('spa.inkomen@nn.nl');
  });

  it('rejects an import that reuses a built-in id', () => {
    const directory = tempDir();
    const file = join(directory, 'source.json');
    writeFileSync(file, JSON.stringify(xpertsuite));
    const library = new ProfileLibrary(join(directory, 'store'), silentLogger);
    expect(failureOf(() => library.import(file)).code).toBe('profiles.id-taken');
  });

  it('rejects an invalid file and stores nothing', () => {
    const directory = tempDir();
    const file = join(directory, 'source.json');
    writeFileSync(file, JSON.stringify({ ...xpertsuite, id: 'acme', formatVersion: 7 }));
    const library = new ProfileLibrary(join(directory, 'store'), silentLogger);
    expect(failureOf(() => library.import(file)).code).toBe('profiles.future-version');
    expect(library.list()).toHaveLength(2);
  });

  it('skips a stored file that no longer validates', () => {
    const directory = tempDir();
    writeFileSync(join(directory, 'broken.json'), '{"id": 1}');
    const library = new ProfileLibrary(directory, silentLogger);
    expect(library.list()).toHaveLength(2);
  });

  it('reports a missing file as unreadable', () => {
    const failure = failureOf(() => readProfileFile(join(tempDir(), 'absent.json')));
    expect(failure.code).toBe('profiles.unreadable');
  });
});
