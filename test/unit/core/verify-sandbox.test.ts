import { createHash } from 'node:crypto';
import { inputsDigestFor } from '../../../src/core/cobra/report.ts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { reportSchema } from '../../../src/shared/report.ts';
import { DEMO_CLIENTS, startSandbox, type Sandbox } from '../../../src/sandbox/index.ts';
import {
  COMPANIES_WITH_EMPLOYEES,
  COMPANY_WITHOUT_EMPLOYEES,
  LEARNED,
  XPERTSUITE,
  outcomes,
  probeOf,
  verifyAgainst,
} from '../../support/verify.ts';

const ENDPOINTS = XPERTSUITE.endpoints.length;
const COMPANIES = COMPANIES_WITH_EMPLOYEES.length;
const HAPPY_PATH_REQUESTS = 1 + ENDPOINTS + COMPANIES;

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});

afterAll(async () => {
  await sandbox.close();
});

beforeEach(() => {
  sandbox.setFaults([]);
  sandbox.setOptions({
    unauthorisedStatus: 403,
    basicDecoding: 'raw',
    acceptBodyCredentials: true,
    acceptBasicCredentials: true,
    clientOutsideValidity: 'invalid_client',
    invalidClientStatus: 400,
    tokenExpiresInSeconds: 3600,
    hiddenResources: [],
  });
  sandbox.resetCounters();
});

describe('verification against the sandbox', () => {
  it('passes a fully authorised client with 1 + E + C requests', async () => {
    const { report } = await verifyAgainst(sandbox, DEMO_CLIENTS.full);

    expect(report.verdict).toBe('pass');
    expect(report.requestCount).toBe(HAPPY_PATH_REQUESTS);
    expect(sandbox.requestCount()).toBe(HAPPY_PATH_REQUESTS);
    expect(sandbox.requestCount({ method: 'POST', path: '/OAuth/Token' })).toBe(1);
    expect(report.tokenAuthMethod).toBe('basic-form-encoded');
    expect(report.probes).toHaveLength(HAPPY_PATH_REQUESTS);
    expect(reportSchema.parse(report)).toEqual(report);
  });

  it('fills the report header and a stable inputs digest', async () => {
    const first = (await verifyAgainst(sandbox, DEMO_CLIENTS.full)).report;
    const second = (await verifyAgainst(sandbox, DEMO_CLIENTS.full)).report;
    const otherSecret = (
      await verifyAgainst(sandbox, { ...DEMO_CLIENTS.full, secret: `${DEMO_CLIENTS.full.secret}x` })
    ).report;

    expect(first.environmentUrl).toBe(sandbox.baseUrl);
    expect(first.tokenUrl).toBe(`${sandbox.baseUrl}/OAuth/Token`);
    expect(first.profile).toEqual({ id: XPERTSUITE.id, version: XPERTSUITE.version });
    expect(first.companies).toEqual(COMPANIES_WITH_EMPLOYEES);
    const inputs = {
      environmentUrl: sandbox.baseUrl,
      clientId: DEMO_CLIENTS.full.id,
      clientSecret: DEMO_CLIENTS.full.secret,
      companyNumbers: COMPANIES_WITH_EMPLOYEES,
      profile: XPERTSUITE,
    };
    // Salted per report: equal inputs give different digests, so reports cannot be compared.
    expect(first.inputsSalt).toMatch(/^[0-9a-f]{32}$/);
    expect(second.inputsSalt).not.toBe(first.inputsSalt);
    expect(second.inputsDigest).not.toBe(first.inputsDigest);
    // The sender, who holds the secret, recomputes the digest with the report's salt.
    expect(inputsDigestFor(first, inputs)).toBe(first.inputsDigest);
    expect(inputsDigestFor(second, inputs)).toBe(second.inputsDigest);
    expect(inputsDigestFor(otherSecret, inputs)).not.toBe(otherSecret.inputsDigest);
    expect(inputsDigestFor({}, inputs)).toBe('');
    // Not an unsalted hash that a guess can be checked against cheaply.
    const plain = createHash('sha256').update(DEMO_CLIENTS.full.secret).digest('hex');
    expect(JSON.stringify(first)).not.toContain(plain);
    expect(JSON.stringify(first)).not.toContain(DEMO_CLIENTS.full.secret);
  });

  it('runs the Learned profile', async () => {
    const { report } = await verifyAgainst(sandbox, DEMO_CLIENTS.full, { profile: LEARNED });
    expect(report.verdict).toBe('pass');
    expect(report.requestCount).toBe(1 + LEARNED.endpoints.length + COMPANIES);
  });

  it('reports a company number that does not exist', async () => {
    const { report } = await verifyAgainst(sandbox, DEMO_CLIENTS.full, {
      companies: [...COMPANIES_WITH_EMPLOYEES, '99999'],
    });
    expect(report.verdict).toBe('fail');
    const probe = probeOf(report, 'company', 'Organization', '99999');
    expect(probe.diagnosis).toBe('company-not-found');
    expect(probe.message).toContain('99999');
    expect(report.requestCount).toBe(HAPPY_PATH_REQUESTS + 1);
  });

  it.each([403, 401] as const)(
    'reports missing GET ticks as not authorised when Cobra answers %i',
    async (status) => {
      sandbox.setOptions({ unauthorisedStatus: status });
      const { report } = await verifyAgainst(sandbox, DEMO_CLIENTS.partial);

      expect(report.verdict).toBe('fail');
      const denied = report.probes.filter((probe) => probe.diagnosis === 'endpoint-not-authorised');
      expect(denied.map((probe) => probe.resource)).toEqual([
        'EmploymentHistory',
        'CalculatedSalaryComponent',
      ]);
      expect(denied.every((probe) => probe.httpStatus === status)).toBe(true);
      expect(denied[0]!.message).toContain('tick the GET column for EmploymentHistory');
    },
  );

  it('reports an endpoint that this Cobra version does not have', async () => {
    sandbox.setOptions({ hiddenResources: ['CalculatedSalaryComponent'] });
    const { report } = await verifyAgainst(sandbox, DEMO_CLIENTS.full);
    const probe = probeOf(report, 'endpoint', 'CalculatedSalaryComponent');
    expect(probe).toMatchObject({ diagnosis: 'endpoint-unknown', httpStatus: 404 });
    expect(probe.message).toContain('CalculatedSalaryComponent');
    expect(report.verdict).toBe('fail');
  });

  it('renews the token once after a 401 and no more', async () => {
    sandbox.setOptions({ unauthorisedStatus: 401 });
    const { report } = await verifyAgainst(sandbox, DEMO_CLIENTS.partial, {
      options: { concurrency: 1 },
    });

    // One renewal, then the probe that met the 401 is retried once; the
    // second denied endpoint meets a fresh token and is not retried.
    expect(sandbox.requestCount({ method: 'POST', path: '/OAuth/Token' })).toBe(2);
    expect(report.requestCount).toBe(HAPPY_PATH_REQUESTS + 2);
  });

  it('checks employees and company data with --deep', async () => {
    const companies = [...COMPANIES_WITH_EMPLOYEES, COMPANY_WITHOUT_EMPLOYEES];
    const { report } = await verifyAgainst(sandbox, DEMO_CLIENTS.full, { companies, deep: true });

    const deepTargets = XPERTSUITE.endpoints.filter((endpoint) => endpoint.companyFilterField);
    expect(report.deep).toBe(true);
    expect(report.requestCount).toBe(
      1 + ENDPOINTS + companies.length + companies.length * deepTargets.length,
    );
    const empty = probeOf(report, 'company-data', 'CurrentEmployment', COMPANY_WITHOUT_EMPLOYEES);
    expect(empty.diagnosis).toBe('company-without-employees');
    expect(empty.message).toContain(COMPANY_WITHOUT_EMPLOYEES);
    for (const company of COMPANIES_WITH_EMPLOYEES) {
      expect(probeOf(report, 'company-data', 'CurrentEmployment', company).diagnosis).toBe('ok');
    }
    expect(report.verdict).toBe('fail');
  });

  it('skips the deep probes of a company that was not found', async () => {
    const { report } = await verifyAgainst(sandbox, DEMO_CLIENTS.full, {
      companies: ['99999'],
      deep: true,
    });
    expect(probeOf(report, 'company-data', 'CurrentEmployment', '99999').diagnosis).toBe('skipped');
    expect(report.requestCount).toBe(1 + ENDPOINTS + 1);
  });

  it('adds the employment resource to a deep check of a profile without filters', async () => {
    const { report } = await verifyAgainst(sandbox, DEMO_CLIENTS.full, {
      profile: { ...LEARNED, companyLookup: { ...XPERTSUITE.companyLookup } },
      companies: [COMPANY_WITHOUT_EMPLOYEES],
      deep: true,
    });
    expect(outcomes(report)).toContain(
      `company-data CurrentEmployment ${COMPANY_WITHOUT_EMPLOYEES}: company-without-employees`,
    );
  });

  it('honours a legacy path prefix', async () => {
    const prefixed = await startSandbox({ port: 0, pathPrefix: '/v3' });
    try {
      const { report } = await verifyAgainst(prefixed, DEMO_CLIENTS.full, {
        baseUrl: `${prefixed.baseUrl}/odata/`,
      });
      expect(prefixed.baseUrl.endsWith('/v3')).toBe(true);
      expect(report.tokenUrl).toBe(`${prefixed.baseUrl}/OAuth/Token`);
      expect(report.verdict).toBe('pass');
    } finally {
      await prefixed.close();
    }
  });
});

describe('token endpoint variants in the sandbox', () => {
  it('reports a wrong secret as invalid-client after one request', async () => {
    const { report } = await verifyAgainst(sandbox, {
      ...DEMO_CLIENTS.full,
      secret: 'wrongsecret',
    });
    expect(report.verdict).toBe('error');
    expect(probeOf(report, 'token').diagnosis).toBe('invalid-client');
    expect(report.requestCount).toBe(1);
    expect(report.probes.slice(1).every((probe) => probe.diagnosis === 'skipped')).toBe(true);
  });

  it('reports a wrong secret with reserved characters after trying every method', async () => {
    const { report } = await verifyAgainst(sandbox, { ...DEMO_CLIENTS.full, secret: 'a+b/c=' });
    expect(probeOf(report, 'token').diagnosis).toBe('invalid-client');
    expect(report.requestCount).toBe(3);
  });

  it.each([400, 401] as const)('reads invalid_client sent with status %i', async (status) => {
    sandbox.setOptions({ invalidClientStatus: status });
    const { report } = await verifyAgainst(sandbox, { ...DEMO_CLIENTS.full, secret: 'wrong' });
    expect(probeOf(report, 'token')).toMatchObject({
      diagnosis: 'invalid-client',
      httpStatus: status,
    });
  });

  it('uses form-encoded Basic when the server form-decodes', async () => {
    sandbox.setOptions({ basicDecoding: 'form' });
    const { report } = await verifyAgainst(sandbox, DEMO_CLIENTS.specialSecret);
    expect(report.tokenAuthMethod).toBe('basic-form-encoded');
    expect(sandbox.requestCount({ method: 'POST', path: '/OAuth/Token' })).toBe(1);
  });

  it('falls back to raw Basic when the server does not form-decode', async () => {
    sandbox.setOptions({ basicDecoding: 'raw' });
    const { report } = await verifyAgainst(sandbox, DEMO_CLIENTS.specialSecret);
    expect(report.verdict).toBe('pass');
    expect(report.tokenAuthMethod).toBe('basic-raw');
    expect(sandbox.requestCount({ method: 'POST', path: '/OAuth/Token' })).toBe(2);
    expect(probeOf(report, 'token').message).toContain('basic-raw');
  });

  it('falls back to body credentials when the server rejects Basic', async () => {
    sandbox.setOptions({ acceptBasicCredentials: false, acceptBodyCredentials: true });
    const { report } = await verifyAgainst(sandbox, DEMO_CLIENTS.specialSecret);
    expect(report.verdict).toBe('pass');
    expect(report.tokenAuthMethod).toBe('client-secret-post');
    expect(sandbox.requestCount({ method: 'POST', path: '/OAuth/Token' })).toBe(3);
  });

  it('renews a token that is about to expire before the next probe', async () => {
    sandbox.setOptions({ tokenExpiresInSeconds: 120 });
    let clock = Date.now();
    const { report } = await verifyAgainst(sandbox, DEMO_CLIENTS.full, {
      options: {
        concurrency: 1,
        now: () => clock,
        // Jump past the renewal margin once the first endpoint probe is done.
        onProgress: ({ probe }) => {
          if (probe.kind === 'endpoint' && probe.resource === 'Person') {
            clock += 100_000;
          }
        },
      },
    });
    expect(report.verdict).toBe('pass');
    expect(sandbox.requestCount({ method: 'POST', path: '/OAuth/Token' })).toBe(2);
  });

  it.each([
    ['expired', DEMO_CLIENTS.expired, 'expired', DEMO_CLIENTS.expired.endDate],
    [
      'not yet valid',
      DEMO_CLIENTS.notYetValid,
      'not-yet-valid',
      DEMO_CLIENTS.notYetValid.startDate,
    ],
  ])('explains an %s client with the date entered', async (_name, client, context, date) => {
    const validity = { from: client.startDate ?? null, until: client.endDate ?? null };
    const { report } = await verifyAgainst(sandbox, client, { validity });
    const token = probeOf(report, 'token');
    expect(token.diagnosis).toBe('client-outside-validity');
    expect(token.params['context']).toBe(context);
    expect(token.message).toContain(date);
    expect(report.verdict).toBe('error');
  });

  it('explains an expired client also when Cobra answers unauthorized_client', async () => {
    sandbox.setOptions({ clientOutsideValidity: 'unauthorized_client' });
    const client = DEMO_CLIENTS.expired;
    const { report } = await verifyAgainst(sandbox, client, {
      validity: { from: client.startDate ?? null, until: client.endDate ?? null },
    });
    expect(probeOf(report, 'token').diagnosis).toBe('client-outside-validity');
  });

  it('reports an expired client as invalid-client when no dates were entered', async () => {
    const { report } = await verifyAgainst(sandbox, DEMO_CLIENTS.expired);
    expect(probeOf(report, 'token').diagnosis).toBe('invalid-client');
  });

  it('reports an unknown scope as invalid-scope', async () => {
    const { report } = await verifyAgainst(sandbox, DEMO_CLIENTS.full, {
      profile: { ...XPERTSUITE, scope: 'payroll' },
    });
    expect(probeOf(report, 'token').diagnosis).toBe('invalid-scope');
  });
});
