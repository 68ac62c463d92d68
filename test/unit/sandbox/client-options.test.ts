import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_CLIENTS, startSandbox, type Sandbox } from '../../../src/sandbox/index.ts';
import { FORM, getOData, requestToken, tokenFor } from './support.ts';

let sandbox: Sandbox | undefined;

afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

describe('sandbox options for the client tests', () => {
  it('rejects Basic credentials when acceptBasicCredentials is false', async () => {
    sandbox = await startSandbox({ port: 0, acceptBasicCredentials: false });
    const basic = await requestToken(sandbox.baseUrl, DEMO_CLIENTS.full);
    expect(basic.status).toBe(400);
    expect(((await basic.json()) as { error: string }).error).toBe('invalid_client');

    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      scope: 'customer',
      client_id: DEMO_CLIENTS.full.id,
      client_secret: DEMO_CLIENTS.full.secret,
    });
    const body = await fetch(`${sandbox.baseUrl}/OAuth/Token`, {
      method: 'POST',
      headers: FORM,
      body: form.toString(),
    });
    expect(body.status).toBe(200);
  });

  it('adds numbered organisations without employees', async () => {
    sandbox = await startSandbox({ port: 0, extraOrganizations: 3 });
    const token = await tokenFor(sandbox.baseUrl, DEMO_CLIENTS.full);
    const filter = encodeURIComponent("OrganizationNumber eq '50003'");
    const response = await getOData(
      sandbox.baseUrl,
      `/odata/Organization?$filter=${filter}`,
      token,
    );
    const rows = ((await response.json()) as { value: { Name: string }[] }).value;
    expect(rows.map((row) => row.Name)).toEqual(['Werkgever 3 B.V.']);

    const all = await getOData(sandbox.baseUrl, '/odata/Organization', token);
    expect(((await all.json()) as { value: unknown[] }).value).toHaveLength(7);
  });
});
